package dev.sextant.secret;

import java.util.Objects;

/**
 * Whether the system keychain can be used, and if not, why in words a user can act on. The UI shows the
 * reason once and offers the session-only and environment-variable choices instead.
 *
 * @param available true when secrets can be stored in and read from the keychain
 * @param reason    empty when available; otherwise a plain sentence saying what is wrong and what to do
 */
public record KeychainStatus(boolean available, String reason) {

    public KeychainStatus {
        Objects.requireNonNull(reason, "reason");
        if (!available && reason.isBlank()) {
            throw new IllegalArgumentException("An unavailable keychain needs a reason the user can read.");
        }
    }

    public static KeychainStatus usable() {
        return new KeychainStatus(true, "");
    }

    public static KeychainStatus unusable(String reason) {
        return new KeychainStatus(false, reason);
    }
}

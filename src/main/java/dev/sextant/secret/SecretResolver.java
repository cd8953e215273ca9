package dev.sextant.secret;

import java.util.Optional;

/**
 * Turns a secret reference stored in a config (for example {@code env:PGPASSWORD}) into its value at
 * connect time. The keychain and session-only sources come with the local store.
 */
@FunctionalInterface
public interface SecretResolver {

    Optional<String> resolve(String reference);

    /** Resolves {@code env:NAME} references from the process environment; nothing else. */
    static SecretResolver environmentOnly() {
        return reference -> reference != null && reference.startsWith("env:")
                ? Optional.ofNullable(System.getenv(reference.substring(4)))
                : Optional.empty();
    }
}

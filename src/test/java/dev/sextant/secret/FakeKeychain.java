package dev.sextant.secret;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A keychain in memory for testing the store's logic, which can be made to behave like a missing keychain
 * or like a locked one (opens and checks fine, then refuses to store) without a Secret Service.
 */
public class FakeKeychain implements Keychain {

    final Map<String, String> entries = new ConcurrentHashMap<>();
    final AtomicInteger checks = new AtomicInteger();
    private volatile KeychainStatus status = KeychainStatus.usable();
    private volatile String writeFailure;

    /** The entries, by account; for tests in other packages. */
    public Map<String, String> entries() {
        return entries;
    }

    /** Every call fails as on a machine without a Secret Service. */
    public FakeKeychain missing(String reason) {
        status = KeychainStatus.unusable(reason);
        writeFailure = reason;
        return this;
    }

    /**
     * Writes fail as JavaKeyringKeychain reports a locked keyring's NullPointerException; the check
     * passes, as it would if the keyring was locked after Sextant checked it.
     */
    FakeKeychain lockedForWrites(String reason) {
        writeFailure = reason;
        return this;
    }

    @Override
    public KeychainStatus check() {
        checks.incrementAndGet();
        return status;
    }

    @Override
    public Optional<String> get(String account) {
        failIfMissing();
        return Optional.ofNullable(entries.get(account));
    }

    @Override
    public void set(String account, String secret) {
        if (writeFailure != null) {
            throw new KeychainUnavailableException(writeFailure, new NullPointerException("response is null"));
        }
        entries.put(account, secret);
    }

    @Override
    public boolean delete(String account) {
        failIfMissing();
        return entries.remove(account) != null;
    }

    private void failIfMissing() {
        if (!status.available()) {
            throw new KeychainUnavailableException(status.reason());
        }
    }
}

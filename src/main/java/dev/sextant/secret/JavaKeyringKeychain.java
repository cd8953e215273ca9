package dev.sextant.secret;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system keychain through java-keyring: the Secret Service over D-Bus on Linux (no native library),
 * the Keychain on macOS, the Credential Manager on Windows. Entries are filed under the service name
 * {@value #SERVICE} with a random UUID as the account.
 *
 * <p>Each call opens the keyring and closes it again (a few tens of milliseconds). A kept-open D-Bus
 * connection would leave a non-daemon thread behind that stops the JVM from exiting, and would go stale
 * when the keyring daemon restarts. Calls block (see {@link Keychain}); they are serialised so that two
 * background tasks never raise two unlock prompts at once.
 *
 * <p>The library reports trouble in uneven ways: no bus or no Secret Service is a
 * BackendNotSupportedException from {@code Keyring.create()}, a locked keyring a NullPointerException
 * from {@code setPassword}, a missing entry a PasswordAccessException. So every call is wrapped, and any
 * failure becomes a {@link KeychainUnavailableException} with a plain message.
 */
public final class JavaKeyringKeychain implements Keychain {

    /** The service name of Sextant's entries, as other keychain tools show and search it. */
    public static final String SERVICE = "Sextant";

    private static final Logger LOG = LoggerFactory.getLogger(JavaKeyringKeychain.class);
    private static final String PROBE_ACCOUNT = "sextant-availability-check";
    private static final String PROBE_VALUE = "Sextant checks that it can store a password here.";
    private static final String ALTERNATIVES =
            " Keep the password for this session only, or use an environment variable reference.";

    static final String NOT_AVAILABLE = "The system keychain is not available (" + missingBackend() + ")."
            + ALTERNATIVES;
    static final String REFUSED_TO_STORE = "The system keychain did not store the password; it may be locked."
            + " Unlock it and try again." + ALTERNATIVES;
    static final String REFUSED_TO_READ = "The system keychain could not be read; it may be locked."
            + " Unlock it and try again, or enter the password for this session only.";
    static final String REFUSED_TO_DELETE = "The system keychain did not remove the password; it may be locked."
            + " Unlock it and try again.";

    /**
     * Opens the keyring, stores and removes a probe entry. Writing is the only honest test: a locked
     * keyring opens and answers lookups (with nothing found) but refuses to store.
     */
    @Override
    public synchronized KeychainStatus check() {
        try {
            set(PROBE_ACCOUNT, PROBE_VALUE);
            delete(PROBE_ACCOUNT);
            return KeychainStatus.usable();
        } catch (KeychainUnavailableException e) {
            return KeychainStatus.unusable(e.getMessage());
        }
    }

    @Override
    public synchronized Optional<String> get(String account) {
        return call(REFUSED_TO_READ, null, keyring -> {
            try {
                return Optional.ofNullable(keyring.getPassword(SERVICE, account));
            } catch (PasswordAccessException e) {
                // No entry (or, with a locked Secret Service, none that can be seen).
                return Optional.empty();
            }
        });
    }

    @Override
    public synchronized void set(String account, String secret) {
        call(REFUSED_TO_STORE, secret, keyring -> {
            keyring.setPassword(SERVICE, account, secret);
            return null;
        });
    }

    @Override
    public synchronized boolean delete(String account) {
        return call(REFUSED_TO_DELETE, null, keyring -> {
            try {
                keyring.deletePassword(SERVICE, account);
                return true;
            } catch (PasswordAccessException e) {
                return false;
            }
        });
    }

    /** One keyring operation; may throw anything the library throws. */
    @FunctionalInterface
    private interface KeyringCall<T> {
        T apply(Keyring keyring) throws PasswordAccessException;
    }

    /**
     * Runs the operation on a freshly opened keyring and closes it. {@code secret} is the value being
     * written, if any, so that a library failure whose message happened to echo it is not kept as the
     * cause (the cause's message shows in the error details).
     */
    private static <T> T call(String failureMessage, String secret, KeyringCall<T> operation) {
        Keyring keyring = open();
        try {
            return operation.apply(keyring);
        } catch (PasswordAccessException | RuntimeException e) {
            if (mentions(e, secret)) {
                LOG.debug("A keychain call failed with {} (details withheld: they contain the secret)",
                        e.getClass().getName());
                throw new KeychainUnavailableException(failureMessage);
            }
            LOG.debug("A keychain call failed", e);
            throw new KeychainUnavailableException(failureMessage, e);
        } finally {
            close(keyring);
        }
    }

    private static Keyring open() {
        try {
            return Keyring.create();
        } catch (BackendNotSupportedException | RuntimeException e) {
            LOG.debug("No keychain backend", e);
            throw new KeychainUnavailableException(NOT_AVAILABLE, e);
        }
    }

    private static void close(Keyring keyring) {
        try {
            keyring.close();
        } catch (Exception e) {
            LOG.debug("Closing the keychain connection failed", e);
        }
    }

    /** Whether a message along the failure's cause chain contains the secret, so it must not be kept. */
    private static boolean mentions(Throwable failure, String secret) {
        if (secret == null || secret.isEmpty()) {
            return false;
        }
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(secret)) {
                return true;
            }
        }
        return false;
    }

    private static String missingBackend() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("linux") ? "no Secret Service on the session bus" : "no supported keychain on this system";
    }
}

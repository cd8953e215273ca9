package dev.sextant.secret;

import dev.sextant.secret.SecretReference.Kind;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place Sextant keeps and finds secrets: the system keychain, environment variables named by a
 * reference, and memory for the session. Configs hold only the {@link SecretReference}; this store turns
 * it into the value at connect time.
 *
 * <p>When the keychain cannot be used, the store says so through {@link #keychainStatus()} and
 * {@link KeychainUnavailableException}; it never falls back to a file or to encryption with a built-in
 * key, because a secret anyone can decrypt with the program's own key is not protected.
 *
 * <p>Keychain work blocks (D-Bus calls, possibly an unlock prompt): call {@link #resolve},
 * {@link #storeInKeychain}, {@link #updateInKeychain}, {@link #delete}, {@link #keychainStatus} and
 * {@link #recheckKeychain} from background threads only. Thread-safe.
 */
public final class SecretStore implements SecretResolver {

    private static final Logger LOG = LoggerFactory.getLogger(SecretStore.class);

    private final Keychain keychain;
    private final Map<String, String> sessionSecrets = new ConcurrentHashMap<>();
    private final Object statusLock = new Object();
    private volatile KeychainStatus status;

    /** A store on the given keychain; tests pass a double, the application {@link #withSystemKeychain()}. */
    public SecretStore(Keychain keychain) {
        this.keychain = Objects.requireNonNull(keychain, "keychain");
    }

    /** A store on the operating system's keychain. Opens nothing yet. */
    public static SecretStore withSystemKeychain() {
        return new SecretStore(new JavaKeyringKeychain());
    }

    /**
     * The secret a reference points to, read now.
     *
     * @return empty when the reference is malformed, or names an unset variable, an unknown session
     *         secret or a keychain entry that does not exist
     * @throws KeychainUnavailableException for a keychain reference while the keychain cannot be used, so
     *         the user learns why rather than that the password is "missing"
     */
    @Override
    public Optional<String> resolve(String reference) {
        SecretReference parsed;
        try {
            parsed = SecretReference.parse(reference);
        } catch (IllegalArgumentException e) {
            LOG.warn("A config holds a malformed secret reference: {}", e.getMessage());
            return Optional.empty();
        }
        return resolve(parsed);
    }

    /** As {@link #resolve(String)}, for a reference already parsed. */
    public Optional<String> resolve(SecretReference reference) {
        return switch (reference.kind()) {
            case ENV -> Optional.ofNullable(System.getenv(reference.key()));
            case SESSION -> Optional.ofNullable(sessionSecrets.get(reference.key()));
            case KEYCHAIN -> {
                requireKeychain();
                yield onKeychain(() -> keychain.get(reference.key()));
            }
        };
    }

    /**
     * Stores a secret in a new keychain entry.
     *
     * @return the reference to save in the config
     * @throws KeychainUnavailableException when the keychain is missing, locked or refuses; the message
     *         says so plainly and suggests the other places
     */
    public SecretReference storeInKeychain(String value) {
        Objects.requireNonNull(value, "value");
        requireKeychain();
        SecretReference reference = SecretReference.newKeychainEntry();
        onKeychain(() -> {
            keychain.set(reference.key(), value);
            return null;
        });
        LOG.info("Stored a secret in the system keychain as {}", reference);
        return reference;
    }

    /**
     * Replaces the secret of an existing keychain reference (a changed password keeps its reference, so
     * the config need not change). Creates the entry if it has gone.
     *
     * @throws IllegalArgumentException     when the reference is not a keychain reference
     * @throws KeychainUnavailableException when the keychain cannot be used
     */
    public void updateInKeychain(SecretReference reference, String value) {
        Objects.requireNonNull(value, "value");
        if (reference.kind() != Kind.KEYCHAIN) {
            throw new IllegalArgumentException("Only a keychain reference can be updated in the keychain; this is"
                    + " a " + reference.kind().prefix() + " reference.");
        }
        requireKeychain();
        onKeychain(() -> {
            keychain.set(reference.key(), value);
            return null;
        });
        LOG.info("Updated the secret of {}", reference);
    }

    /** Keeps a secret in memory until Sextant quits; nothing is written anywhere. */
    public SecretReference storeForSession(String value) {
        Objects.requireNonNull(value, "value");
        SecretReference reference = SecretReference.newSessionEntry();
        sessionSecrets.put(reference.key(), value);
        return reference;
    }

    /**
     * Forgets the secret behind a reference: removes the keychain entry or the session secret. An
     * environment variable belongs to the user's environment and is left alone.
     *
     * @throws KeychainUnavailableException for a keychain reference while the keychain cannot be used
     */
    public void delete(SecretReference reference) {
        switch (reference.kind()) {
            case ENV -> LOG.debug("Left {} alone: environment variables are not Sextant's to delete", reference);
            case SESSION -> sessionSecrets.remove(reference.key());
            case KEYCHAIN -> {
                requireKeychain();
                boolean removed = onKeychain(() -> keychain.delete(reference.key()));
                LOG.info(removed ? "Deleted {} from the system keychain" : "{} was already gone from the keychain",
                        reference);
            }
        }
    }

    /**
     * Whether the keychain can be used, checked on first call and then remembered, so that Sextant tells
     * the user once rather than at every connect. A keychain call that fails later turns the status to
     * unavailable with that failure's reason.
     */
    public KeychainStatus keychainStatus() {
        KeychainStatus known = status;
        if (known != null) {
            return known;
        }
        synchronized (statusLock) {
            if (status == null) {
                status = checkKeychain();
            }
            return status;
        }
    }

    /** Checks the keychain again, for a "try again" after the user unlocked or started it. */
    public KeychainStatus recheckKeychain() {
        synchronized (statusLock) {
            status = checkKeychain();
            return status;
        }
    }

    private KeychainStatus checkKeychain() {
        KeychainStatus checked;
        try {
            checked = keychain.check();
        } catch (RuntimeException e) {
            LOG.warn("The keychain check failed unexpectedly with {}", e.getClass().getName());
            checked = KeychainStatus.unusable(JavaKeyringKeychain.NOT_AVAILABLE);
        }
        if (checked.available()) {
            LOG.info("The system keychain is available");
        } else {
            LOG.warn("{}", checked.reason());
        }
        return checked;
    }

    private void requireKeychain() {
        KeychainStatus current = keychainStatus();
        if (!current.available()) {
            throw new KeychainUnavailableException(current.reason());
        }
    }

    /** A keychain operation whose failure is remembered as the keychain's status. */
    private <T> T onKeychain(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (KeychainUnavailableException e) {
            synchronized (statusLock) {
                status = KeychainStatus.unusable(e.getMessage());
            }
            LOG.warn("{}", e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            // A Keychain should throw nothing else. Its message might hold what was being stored, so
            // neither it nor the exception is kept or logged: only the type.
            synchronized (statusLock) {
                status = KeychainStatus.unusable(JavaKeyringKeychain.NOT_AVAILABLE);
            }
            LOG.warn("A keychain call failed unexpectedly with {}", e.getClass().getName());
            throw new KeychainUnavailableException(JavaKeyringKeychain.NOT_AVAILABLE);
        }
    }

    /** Counts only: never the session secrets themselves. */
    @Override
    public String toString() {
        KeychainStatus known = status;
        String keychainState = known == null ? "unchecked" : known.available() ? "available" : "unavailable";
        return "SecretStore[keychain=" + keychainState + ", sessionSecrets=" + sessionSecrets.size() + "]";
    }
}

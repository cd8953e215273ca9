package dev.sextant.secret;

import java.util.Optional;

/**
 * The operating system's keychain, reduced to what Sextant needs: one secret per account under Sextant's
 * service name. An interface so that the store's handling of an absent or locked keychain can be tested
 * without one.
 *
 * <p>Every method may block: on D-Bus round trips, or for as long as the desktop shows an unlock prompt.
 * Call them from background threads only, never from the JavaFX thread. A failure of the keychain itself
 * comes as {@link KeychainUnavailableException} with a message a person can act on.
 */
public interface Keychain {

    /** Whether the keychain can store and read secrets now, with a plain reason when it cannot. */
    KeychainStatus check();

    /**
     * The secret stored for the account, or empty when there is none.
     *
     * @throws KeychainUnavailableException when the keychain cannot be reached or read
     */
    Optional<String> get(String account);

    /**
     * Stores the secret for the account, replacing any secret it held.
     *
     * @throws KeychainUnavailableException when the keychain cannot be reached or refuses (e.g. locked)
     */
    void set(String account, String secret);

    /**
     * Removes the account's secret.
     *
     * @return false when the account held no secret
     * @throws KeychainUnavailableException when the keychain cannot be reached or refuses
     */
    boolean delete(String account);
}

package dev.sextant.secret;

/**
 * The system keychain could not do what was asked: it is missing, locked or refused. Unchecked, because
 * callers can only show the message and offer another place for the secret; the message is written for
 * the user and never contains a secret.
 */
public class KeychainUnavailableException extends RuntimeException {

    public KeychainUnavailableException(String message) {
        super(message);
    }

    public KeychainUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

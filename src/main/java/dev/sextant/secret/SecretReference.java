package dev.sextant.secret;

import java.util.Objects;
import java.util.UUID;

/**
 * Where a secret lives, as written into a config: {@code keychain:<id>}, {@code env:<NAME>} or
 * {@code session:<id>}. Configs, exports and logs carry this reference and never the secret itself, so
 * a reference must be safe to show anywhere.
 *
 * @param kind the source that holds the secret
 * @param key  the keychain account or session id (a random UUID when Sextant made it), or the name of
 *             an environment variable
 */
public record SecretReference(Kind kind, String key) {

    private static final String EXPECTED = "expected keychain:<id>, env:<NAME> or session:<id>";

    /** The sources a secret can come from; each has the prefix it is written with. */
    public enum Kind {
        /** The operating system's keychain (Secret Service, macOS Keychain, Windows Credential Manager). */
        KEYCHAIN("keychain"),
        /** An environment variable, read at connect time, so CI and scripts keep secrets out of Sextant. */
        ENV("env"),
        /** Kept in memory only, until Sextant quits. */
        SESSION("session");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public SecretReference {
        Objects.requireNonNull(kind, "kind");
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("The " + kind.prefix + " secret reference has nothing after '"
                    + kind.prefix + ":' (" + EXPECTED + ").");
        }
        if (key.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("The " + kind.prefix
                    + " secret reference holds a space or control character (" + EXPECTED + ").");
        }
        if (kind == Kind.ENV && key.indexOf('=') >= 0) {
            throw new IllegalArgumentException("The env secret reference holds '=', which no environment"
                    + " variable name can contain.");
        }
    }

    /**
     * Reads a reference from its text form. The message of the exception never repeats the text, since a
     * secret pasted into the wrong place is the likeliest kind of bad reference.
     *
     * @throws IllegalArgumentException when the text is not a reference of a known kind
     */
    public static SecretReference parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("A secret reference is missing (" + EXPECTED + ").");
        }
        int colon = text.indexOf(':');
        if (colon > 0) {
            String prefix = text.substring(0, colon);
            for (Kind kind : Kind.values()) {
                if (kind.prefix.equals(prefix)) {
                    return new SecretReference(kind, text.substring(colon + 1));
                }
            }
        }
        throw new IllegalArgumentException("Not a secret reference: " + EXPECTED
                + ". The text is not shown here in case it is a secret.");
    }

    /** A reference to a new, randomly named keychain entry. */
    static SecretReference newKeychainEntry() {
        return new SecretReference(Kind.KEYCHAIN, UUID.randomUUID().toString());
    }

    /** A reference to a new, randomly named session-only secret. */
    static SecretReference newSessionEntry() {
        return new SecretReference(Kind.SESSION, UUID.randomUUID().toString());
    }

    /** A reference to an environment variable, for configs that take their secret from the environment. */
    public static SecretReference env(String variableName) {
        return new SecretReference(Kind.ENV, variableName);
    }

    /** The text form stored in configs, which {@link #parse(String)} reads back. */
    @Override
    public String toString() {
        return kind.prefix + ":" + key;
    }
}

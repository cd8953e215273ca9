package dev.sextant.secret;

import java.util.Optional;

/**
 * Turns a secret reference stored in a config (for example {@code env:PGPASSWORD}) into its value at
 * connect time. An interface so that query code depends on "give me the secret" and not on where secrets
 * live; {@link SecretStore} is the full implementation (keychain, environment, session).
 */
@FunctionalInterface
public interface SecretResolver {

    /**
     * The secret behind the reference, or empty when there is none. May block (a keychain lookup):
     * call it from a background thread.
     */
    Optional<String> resolve(String reference);

    /** Resolves {@code env:NAME} references from the process environment; nothing else. */
    static SecretResolver environmentOnly() {
        return reference -> reference != null && reference.startsWith("env:")
                ? Optional.ofNullable(System.getenv(reference.substring(4)))
                : Optional.empty();
    }
}

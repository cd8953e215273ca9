package dev.sextant.secret;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run in a child JVM by {@link KeychainFallbackTest}: asks a store on the real system keychain for its
 * status and to store the secret given as the only argument, and prints what a user would be told as
 * {@code probe.NAME=VALUE} lines. Logs everything (DEBUG), so the parent can check that the secret
 * appears in no log line either.
 */
final class KeychainProbeMain {

    private KeychainProbeMain() {
    }

    public static void main(String[] args) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.DEBUG);
        String secret = args[0];
        SecretStore store = SecretStore.withSystemKeychain();

        KeychainStatus status = store.keychainStatus();
        print("available", String.valueOf(status.available()));
        print("reason", status.reason());
        try {
            SecretReference reference = store.storeInKeychain(secret);
            print("store", "stored");
            store.delete(reference);
        } catch (KeychainUnavailableException e) {
            print("store", e.getClass().getSimpleName());
            print("message", e.getMessage());
            StringBuilder details = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                details.append(t).append(" / ");
            }
            print("details", details.toString());
        }
        print("statusAfterwards", String.valueOf(store.keychainStatus().available()));
        SecretReference session = store.storeForSession(secret);
        print("sessionFallback", String.valueOf(secret.equals(store.resolve(session).orElse(null))));
        // No System.exit: the JVM must end by itself, which a leftover D-Bus thread would prevent.
    }

    private static void print(String name, String value) {
        System.out.println("probe." + name + "=" + value.replace('\n', ' '));
    }
}

package dev.sextant.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * Run as a separate process by the tests. {@code lock DIR}: takes the instance lock and waits to be
 * killed. {@code hold DIR MILLIS}: opens the store and keeps one connection (its turn) for that long.
 * {@code write DIR PREFIX COUNT}: writes COUNT rows to the store, one short transaction each.
 */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[1]);
        switch (args[0]) {
            case "lock" -> {
                try (InstanceLock held = InstanceLock.acquire(home)) {
                    announce("HOLDING");
                    Thread.sleep(60_000);
                }
            }
            case "hold" -> {
                LocalStore store = LocalStore.open(home);
                try (Connection c = store.connection()) {
                    announce("HOLDING");
                    Thread.sleep(Long.parseLong(args[2]));
                }
                announce("RELEASED");
            }
            case "write" -> {
                LocalStore store = LocalStore.open(home);
                announce("WRITING");
                for (int i = 0; i < Integer.parseInt(args[3]); i++) {
                    try (Connection c = store.connection();
                         PreparedStatement ps = c.prepareStatement("INSERT INTO UI_STATE VALUES (?, 'x', CURRENT_TIMESTAMP)")) {
                        ps.setString(1, args[2] + i);
                        ps.executeUpdate();
                    }
                }
                announce("DONE");
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void announce(String word) {
        System.out.println(word);
        System.out.flush();
    }
}

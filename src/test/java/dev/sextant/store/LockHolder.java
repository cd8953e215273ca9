package dev.sextant.store;

import java.nio.file.Path;

/** Run as a separate process by the tests: takes the instance lock (or opens the store) and waits to be killed. */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[1]);
        AutoCloseable held = args[0].equals("lock") ? InstanceLock.acquire(home) : LocalStore.open(home);
        System.out.println("HOLDING");
        System.out.flush();
        Thread.sleep(60_000);
        held.close();
    }
}

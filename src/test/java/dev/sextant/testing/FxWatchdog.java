package dev.sextant.testing;

import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the JavaFX thread is unavailable: a probe thread posts a tiny task every 5 ms and
 * records the longest wait between posting and running. A stall caused by I/O on the FX thread shows
 * up as a long wait.
 */
public final class FxWatchdog implements AutoCloseable {

    private final AtomicLong maxStallNanos = new AtomicLong();
    private final AtomicLong probes = new AtomicLong();
    private final Thread prober;
    private volatile boolean running = true;

    private FxWatchdog() {
        prober = new Thread(() -> {
            while (running) {
                long posted = System.nanoTime();
                java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
                Platform.runLater(() -> {
                    maxStallNanos.accumulateAndGet(System.nanoTime() - posted, Math::max);
                    probes.incrementAndGet();
                    ran.countDown();
                });
                try {
                    ran.await();
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-watchdog");
        prober.setDaemon(true);
    }

    public static FxWatchdog start() {
        FxWatchdog w = new FxWatchdog();
        w.prober.start();
        return w;
    }

    public long maxStallMillis() {
        return maxStallNanos.get() / 1_000_000;
    }

    public long probes() {
        return probes.get();
    }

    @Override
    public void close() {
        running = false;
        prober.interrupt();
    }
}

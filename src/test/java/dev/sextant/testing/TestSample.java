package dev.sextant.testing;

import dev.sextant.app.AppPaths;
import dev.sextant.app.SampleDatabase;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.query.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The sample database for tests: built once per test JVM (it takes seconds) through the real
 * {@link SampleDatabase}, then copied into each test's own temporary data folder.
 */
public final class TestSample {

    private static Path master;

    private TestSample() {
    }

    /** A fresh data folder under {@code parent} that already holds the sample database. */
    public static synchronized AppPaths homeWithSample(Path parent) {
        try {
            if (master == null) {
                master = Path.of("target", "test-sample-" + scriptHash() + "-compact").toAbsolutePath();
                AppPaths masterPaths = new AppPaths(master);
                new SampleDatabase(masterPaths, ConnectorRegistry.loadInstalled()).ensureCreated(ProgressListener.NONE);
            }
            AppPaths paths = new AppPaths(parent.resolve("home"));
            Files.createDirectories(paths.sampleDir());
            Files.copy(Path.of(new AppPaths(master).sampleDatabase() + ".mv.db"), Path.of(paths.sampleDatabase() + ".mv.db"));
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String scriptHash() {
        try (InputStream in = TestSample.class.getResourceAsStream("/dev/sextant/sample/sample.sql")) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

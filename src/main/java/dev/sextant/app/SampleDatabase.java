package dev.sextant.app;

import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.query.ProgressListener;
import dev.sextant.store.LocalStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in sample: an H2 database made on first start, and the "Sample" connection that points at it.
 * The build runs the bundled script once ({@link #main}) and bundles the database file it makes, gzipped;
 * a first start unpacks that copy in a moment, where running the script takes seconds. Without the
 * bundled copy (or with one that does not unpack) the script runs at the first start instead. Either way
 * the file is made in a scratch folder and moved into place only when complete, so an interrupted first
 * start never leaves a half-filled sample behind.
 */
public final class SampleDatabase {

    public static final String CONNECTION_ID = "sample";
    public static final String CONNECTION_NAME = "Sample";
    static final String SCRIPT = "/dev/sextant/sample/sample.sql";
    /** The database file the build made from {@link #SCRIPT}, gzipped. */
    static final String PREBUILT = "/dev/sextant/sample/sextant-sample.mv.db.gz";
    private static final String H2 = "h2";
    private static final Logger LOG = LoggerFactory.getLogger(SampleDatabase.class);

    private final AppPaths paths;
    private final ConnectorRegistry registry;

    public SampleDatabase(AppPaths paths, ConnectorRegistry registry) {
        this.paths = paths;
        this.registry = registry;
    }

    /** The connection config for the sample; valid once {@link #ensureCreated} has run. */
    public ExternalDatabaseConfig connection() {
        return new ExternalDatabaseConfig(CONNECTION_ID, CONNECTION_NAME, H2,
                Map.of("path", paths.sampleDatabase().toString()), Map.of(), ConnectionKind.DEVELOPMENT, false);
    }

    public boolean exists() {
        return Files.exists(Path.of(paths.sampleDatabase() + ".mv.db"));
    }

    /**
     * Whether {@code path} is the sample of another data folder: where a data folder keeps its sample, in a
     * folder other than this one that holds a Sextant store. That is what a copied data folder's Sample
     * connection still points to.
     */
    boolean isSampleOfAnotherDataFolder(Path path) {
        Path folder = path.toAbsolutePath().normalize().getParent();
        Path home = folder == null ? null : folder.getParent();
        if (home == null || home.equals(paths.home().toAbsolutePath().normalize())) {
            return false;
        }
        AppPaths other = new AppPaths(home);
        return other.sampleDatabase().equals(path.toAbsolutePath().normalize())
                && LocalStore.existsIn(other.store());
    }

    /** Creates the sample unless it exists: from the bundled copy when there is one, else from the script. */
    public void ensureCreated(ProgressListener progress) {
        ensureCreated(progress, true);
    }

    /** As {@link #ensureCreated(ProgressListener)}; with {@code prebuilt} false, always from the script. */
    void ensureCreated(ProgressListener progress, boolean prebuilt) {
        if (exists()) {
            return;
        }
        long start = System.nanoTime();
        Path scratch = paths.sampleDir().resolve(".creating-" + ProcessHandle.current().pid());
        try {
            deleteRecursively(scratch);
            Files.createDirectories(scratch);
            Path db = scratch.resolve(paths.sampleDatabase().getFileName().toString());
            boolean unpacked = prebuilt && unpackPrebuilt(Path.of(db + ".mv.db"), progress);
            if (!unpacked) {
                runScript(registry, db, progress);
            }
            Files.move(Path.of(db + ".mv.db"), Path.of(paths.sampleDatabase() + ".mv.db"), StandardCopyOption.ATOMIC_MOVE);
            progress.progress(1.0, "Sample database ready");
            LOG.info("{} the sample database in {} ms", unpacked ? "Unpacked" : "Created", (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the sample database in " + paths.sampleDir(), e);
        } finally {
            deleteRecursively(scratch);
        }
    }

    /** Writes the bundled copy to {@code file}; false when there is none or it does not unpack whole. */
    private static boolean unpackPrebuilt(Path file, ProgressListener progress) {
        try (InputStream packed = SampleDatabase.class.getResourceAsStream(PREBUILT)) {
            if (packed == null) {
                return false;
            }
            progress.progress(0.1, "Unpacking the sample database…");
            try (InputStream in = new GZIPInputStream(packed, 1 << 16)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException e) {
            LOG.warn("The bundled sample database did not unpack ({}); creating it from its script", e.getMessage());
            try {
                Files.deleteIfExists(file);
            } catch (IOException again) {
                LOG.debug("Could not delete {}: {}", file, again.getMessage());
            }
            return false;
        }
    }

    /** Makes the sample database {@code db} (a path without H2's ".mv.db") from the bundled script. */
    private static void runScript(ConnectorRegistry registry, Path db, ProgressListener progress) {
        List<String> statements = statements(readScript());
        try (BaseDBConnector c = registry.create(H2, new ConnectionParameters(
                Map.of("path", db.toString(), "create", "true"), Map.of(), false))) {
            c.connect();
            for (int i = 0; i < statements.size(); i++) {
                progress.progress((double) i / statements.size(), "Creating the sample database…");
                c.executeSqlStatement(statements.get(i), List.of(), 0);
            }
        }
        // Rewrites the closed file without the pages the bulk load left behind: smaller, and nothing for
        // H2's background compaction to move while people browse it.
        progress.progress(0.99, "Compacting the sample database…");
        org.h2.mvstore.MVStoreTool.compact(db + ".mv.db", true);
    }

    /**
     * Run by the build: makes the sample from the script and writes its database file, gzipped, to the
     * path given (the bundled copy, {@link #PREBUILT}).
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Path scratch = Files.createTempDirectory("sextant-sample-build");
        try {
            Path db = scratch.resolve("sample");
            runScript(ConnectorRegistry.loadInstalled(), db, ProgressListener.NONE);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Path partial = Path.of(out + ".partial");
            try (OutputStream zipped = new GZIPOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                Files.copy(Path.of(db + ".mv.db"), zipped);
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteRecursively(scratch);
        }
    }

    private static String readScript() {
        try (InputStream in = SampleDatabase.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("The sample script " + SCRIPT + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits the bundled script (one we write ourselves: every statement ends with ';' at a line end). */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        for (String part : script.split(";\\s*\\R")) {
            String withoutLeadingComments = part.replaceAll("(?m)\\A(\\s*--[^\\n]*\\n)+", "").strip();
            if (!withoutLeadingComments.isEmpty()) {
                out.add(withoutLeadingComments);
            }
        }
        return out;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not clean up {}: {}", dir, e.getMessage());
        }
    }
}

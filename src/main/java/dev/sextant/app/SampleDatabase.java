package dev.sextant.app;

import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.query.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in sample: an H2 database created on first start from a bundled script, and the "Sample"
 * connection that points at it. It is built in a scratch folder and moved into place only when
 * complete, so an interrupted first start never leaves a half-filled sample behind.
 */
public final class SampleDatabase {

    public static final String CONNECTION_ID = "sample";
    public static final String CONNECTION_NAME = "Sample";
    static final String SCRIPT = "/dev/sextant/sample/sample.sql";
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

    /** Creates the sample unless it exists. Blocks for several seconds on first start. */
    public void ensureCreated(ProgressListener progress) {
        if (exists()) {
            return;
        }
        long start = System.nanoTime();
        List<String> statements = statements(readScript());
        Path scratch = paths.sampleDir().resolve(".creating-" + ProcessHandle.current().pid());
        try {
            deleteRecursively(scratch);
            Files.createDirectories(scratch);
            Path db = scratch.resolve(paths.sampleDatabase().getFileName().toString());
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
            Files.move(Path.of(db + ".mv.db"), Path.of(paths.sampleDatabase() + ".mv.db"), StandardCopyOption.ATOMIC_MOVE);
            progress.progress(1.0, "Sample database ready");
            LOG.info("Created the sample database in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the sample database in " + paths.sampleDir(), e);
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

package dev.sextant.app;

import dev.sextant.config.ConfigRepository;
import dev.sextant.config.InMemoryConfigRepository;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.query.Workspace;
import dev.sextant.secret.SecretResolver;
import dev.sextant.ui.SextantApplication;
import dev.sextant.ui.UiContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the registry, the config repository, the secret resolver and the
 * workspace for a data folder, and starts the user interface on them.
 */
public final class Sextant {

    private static final Logger LOG = LoggerFactory.getLogger(Sextant.class);

    private final AppPaths paths;
    private final ConnectorRegistry registry;
    private final ConfigRepository configs;
    private final SampleDatabase sample;
    private final Workspace workspace;

    public Sextant(AppPaths paths) {
        this.paths = paths;
        this.registry = ConnectorRegistry.loadInstalled();
        this.configs = new InMemoryConfigRepository();
        this.sample = new SampleDatabase(paths, registry);
        this.workspace = new Workspace(registry, configs, SecretResolver.environmentOnly(), paths.temp());
    }

    public Workspace workspace() {
        return workspace;
    }

    public SampleDatabase sample() {
        return sample;
    }

    /** The start-up work the window runs in the background: the data folder, the sample, the connection list. */
    public UiContext uiContext() {
        return new UiContext(workspace, progress -> {
            prepareDataFolder();
            sample.ensureCreated(progress);
            if (configs.find(SampleDatabase.CONNECTION_ID).isEmpty()) {
                configs.save(sample.connection());
            }
            return configs.list();
        }, version());
    }

    private void prepareDataFolder() {
        try {
            Files.createDirectories(paths.home());
            if (Files.exists(paths.temp())) {
                try (Stream<java.nio.file.Path> walk = Files.walk(paths.temp())) {
                    walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(paths.temp()))
                            .forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(paths.temp());
        } catch (IOException e) {
            throw new UncheckedIOException("Sextant cannot write to its data folder " + paths.home()
                    + ". Check its permissions, or choose another folder with SEXTANT_HOME.", e);
        }
    }

    public static String version() {
        String v = Sextant.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    /** Opens the main window and blocks until it closes. */
    public void runGui() {
        LOG.info("Sextant {} starting with data folder {}", version(), paths.home());
        try {
            SextantApplication.launch(uiContext());
        } finally {
            workspace.close();
        }
    }
}

package dev.sextant.app;

import dev.sextant.audit.AuditLog;
import dev.sextant.cli.Cli;
import dev.sextant.cli.CliServices;
import dev.sextant.config.ConfigRepository;
import dev.sextant.config.ConfigValidator;
import dev.sextant.config.ConnectionCatalog;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.query.ProgressListener;
import dev.sextant.query.Workspace;
import dev.sextant.secret.SecretStore;
import dev.sextant.store.LocalStore;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The composition root for runs without a window: the command line and the MCP server. It names no
 * JavaFX or UI class, so such runs never load them. Unlike the window it takes no instance lock and
 * leaves the data folder's temporary files alone: it runs beside an open window, taking turns on the
 * store (docs/decisions/0010).
 */
public final class Headless implements CliServices, AutoCloseable {

    private final AppPaths paths;
    private final SecretStore secrets;
    private final ConnectorRegistry registry;
    private final Workspace workspace;
    private LocalStore store;
    private ConnectionCatalog catalog;
    private AuditLog audit;

    public Headless(AppPaths paths, SecretStore secrets) {
        this.paths = paths;
        this.secrets = secrets;
        this.registry = ConnectorRegistry.loadInstalled();
        this.workspace = new Workspace(registry, secrets, paths.temp());
    }

    /** Runs a command on the process's own streams and returns its exit code. */
    public static int run(AppPaths paths, String[] args) {
        Cli.prepareLogging(args);
        LogConfigurator.nameProvider();
        try (Headless services = new Headless(paths, SecretStore.withSystemKeychain())) {
            return Cli.runOnSystemStreams(services, args);
        }
    }

    @Override
    public Path home() {
        return paths.home();
    }

    @Override
    public String version() {
        return implementationVersion();
    }

    /** The version in the jar's manifest, or "development build" when running from classes. */
    static String implementationVersion() {
        String v = Headless.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    @Override
    public ConnectorRegistry registry() {
        return registry;
    }

    @Override
    public synchronized ConnectionCatalog catalog() {
        if (catalog == null) {
            ConfigValidator validator = new ConfigValidator(registry);
            catalog = new ConnectionCatalog(new ConfigRepository(store(), validator), secrets, validator);
            addSample();
        }
        return catalog;
    }

    /**
     * A data folder first used from the command line gets the sample and its connection as the window
     * would give them (unpacking takes well under a second); a command still runs when that fails.
     */
    private void addSample() {
        SampleDatabase sample = new SampleDatabase(paths, registry);
        try {
            sample.ensureCreated(ProgressListener.NONE);
        } catch (RuntimeException e) {
            // not a static logger: logging is set up by run(), after this class is loaded
            LoggerFactory.getLogger(Headless.class).warn("Could not create the sample database: {}", e.getMessage());
        }
        if (sample.exists()) {
            new SampleConnection(store(), catalog.repository(), sample).addOnce();
        }
    }

    @Override
    public Workspace workspace() {
        return workspace;
    }

    @Override
    public synchronized AuditLog auditLog() {
        if (audit == null) {
            audit = new AuditLog(store());
        }
        return audit;
    }

    private synchronized LocalStore store() {
        if (store == null) {
            store = LocalStore.open(paths.store());
        }
        return store;
    }

    @Override
    public synchronized void close() {
        workspace.close();
        if (store != null) {
            store.close();
        }
    }
}

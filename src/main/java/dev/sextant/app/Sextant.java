package dev.sextant.app;

import dev.sextant.audit.AuditLog;
import dev.sextant.config.ConfigRepository;
import dev.sextant.config.ConfigValidator;
import dev.sextant.config.ConnectionCatalog;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.query.ProgressListener;
import dev.sextant.query.SchemaCache;
import dev.sextant.query.WorkbenchStore;
import dev.sextant.query.Workspace;
import dev.sextant.secret.SecretStore;
import dev.sextant.store.InstanceLock;
import dev.sextant.store.LocalStore;
import dev.sextant.store.StoreException;
import dev.sextant.store.UiStateStore;
import dev.sextant.ui.SextantApplication;
import dev.sextant.ui.StartupProblem;
import dev.sextant.ui.UiContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: for one data folder it takes the instance lock, opens the local store, builds
 * the registry, the config repository, the secrets and the workspace, and starts the user interface.
 */
public final class Sextant implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sextant.class);

    private final AppPaths paths;
    private final ConnectorRegistry registry;
    private final SampleDatabase sample;
    private final SecretStore secrets;
    private final Workspace workspace;
    private InstanceLock lock;
    private LocalStore store;
    private ConnectionCatalog catalog;
    private SchemaCache schemaCache;
    private UiStateStore uiState;
    private volatile WorkbenchStore workbench;

    public Sextant(AppPaths paths) {
        this(paths, SecretStore.withSystemKeychain());
    }

    /** With a given secret store (tests pass one on a test keychain). */
    public Sextant(AppPaths paths, SecretStore secrets) {
        this.paths = paths;
        this.registry = ConnectorRegistry.loadInstalled();
        this.sample = new SampleDatabase(paths, registry);
        this.secrets = secrets;
        this.workspace = new Workspace(registry, secrets, paths.temp());
    }

    public Workspace workspace() {
        return workspace;
    }

    /** The saved connections and their secrets; available once {@link #start} has run. */
    public ConnectionCatalog catalog() {
        return catalog;
    }

    /** The MCP audit log in the store; available once {@link #start} has run. */
    public synchronized AuditLog auditLog() {
        if (store == null) {
            throw new IllegalStateException("The store is not open yet.");
        }
        return new AuditLog(store);
    }

    /** The cached schema scans; available once {@link #start} has run. */
    public SchemaCache schemaCache() {
        return schemaCache;
    }

    /** The saved window state; available once {@link #start} has run. */
    public UiStateStore uiState() {
        return uiState;
    }

    /** The query history and saved editor state; available once {@link #start} has run. */
    public WorkbenchStore workbench() {
        return workbench;
    }

    /**
     * Takes the data folder, opens the store and makes sure the sample exists. Blocks (seconds on the
     * first start, when the sample is created).
     *
     * @return the saved connections
     * @throws StartupProblem with a message for the user, and a way out where there is one
     */
    public synchronized List<ExternalDatabaseConfig> start(ProgressListener progress) {
        // the registry looks its connectors up on first use (it reads every jar): here, not on the window's thread
        registry.types();
        prepareDataFolder();
        if (lock == null) {
            lock = lockDataFolder();
        }
        if (store == null) {
            try {
                store = LocalStore.open(paths.store());
            } catch (StoreException e) {
                throw problem(e);
            }
            catalog = newCatalog();
            openStoreServices();
        }
        sample.ensureCreated(progress);
        // the store's turns that follow share one opening of its file
        try (LocalStore.Hold hold = store.hold()) {
            new SampleConnection(store, catalog.repository(), sample).addOnce();
            return catalog.list();
        }
    }

    private ConnectionCatalog newCatalog() {
        ConfigValidator validator = new ConfigValidator(registry);
        return new ConnectionCatalog(new ConfigRepository(store, validator), secrets, validator);
    }

    private void openStoreServices() {
        schemaCache = new SchemaCache(store);
        uiState = new UiStateStore(store);
        workbench = WorkbenchStore.of(store);
    }

    private InstanceLock lockDataFolder() {
        try {
            return InstanceLock.acquire(paths.home());
        } catch (StoreException e) {
            throw new StartupProblem(e.getMessage(), e);
        }
    }

    private StartupProblem problem(StoreException e) {
        if (e.latestBackup().isEmpty()) {
            return new StartupProblem(e.getMessage(), e);
        }
        Path backup = e.latestBackup().get();
        return new StartupProblem(e.getMessage(), "Start from the latest backup", progress -> {
            synchronized (this) {
                store = LocalStore.restoreFrom(paths.store(), backup);
                catalog = newCatalog();
                openStoreServices();
            }
            return start(progress);
        }, e);
    }

    private void prepareDataFolder() {
        try {
            Files.createDirectories(paths.home());
            if (Files.exists(paths.temp())) {
                try (Stream<Path> walk = Files.walk(paths.temp())) {
                    walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(paths.temp()))
                            .forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(paths.temp());
        } catch (IOException e) {
            throw new StartupProblem("Sextant cannot write to its data folder " + paths.home()
                    + ". Check its permissions, or choose another folder with --home or SEXTANT_HOME.", new UncheckedIOException(e));
        }
    }

    public static String version() {
        return Headless.implementationVersion();
    }

    /**
     * Opens the main window and blocks until it closes.
     *
     * @return the process exit status (non-zero only when the window closed itself after a failed start)
     */
    public int runGui() {
        LOG.info("Sextant {} starting with data folder {}", version(), paths.home());
        try (this) {
            // logging is set up once the window is shown (LogConfigurator.startInBackground)
            return SextantApplication.launch(new UiContext(workspace, this::start, this::catalog, version(), this::auditLog,
                    this::schemaCache, this::uiState, this::workbench), LogConfigurator::windowShown);
        }
    }

    /** Closes connections, the store and the data-folder lock, in that order. */
    @Override
    public synchronized void close() {
        workspace.close();
        if (store != null) {
            store.close();
        }
        if (lock != null) {
            lock.close();
        }
    }
}

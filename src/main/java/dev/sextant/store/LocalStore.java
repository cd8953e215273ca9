package dev.sextant.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sextant's own database: one H2 file in the data folder's {@code store/} folder, created and upgraded
 * by Flyway. Before a migration changes an existing store, a plain SQL backup is written to
 * {@code store/backups/} (the newest {@value #KEEP_BACKUPS} are kept). A file that cannot be opened is
 * never changed: the error says so and offers the newest backup.
 *
 * <p>The file is open only while a connection is: each {@link #connection()} opens it (H2 shares one
 * open database among the connections of a process) and closing the last connection closes it. So the
 * window, command-line runs and the MCP server take turns on the same store, each holding it for one
 * short transaction; a process that finds it held waits up to {@link #BUSY_WAIT} (docs/decisions/0010).
 */
public final class LocalStore implements AutoCloseable {

    public static final int KEEP_BACKUPS = 5;
    /** How long a process waits for another one to finish its turn on the store before giving up. */
    public static final Duration BUSY_WAIT = Duration.ofSeconds(15);
    /** H2's error code for a database file that another process has open. */
    private static final int FILE_IN_USE = 90020;
    static final String DB_NAME = "sextant";
    private static final String MIGRATIONS = "classpath:dev/sextant/store/migration";
    /** The version of the newest migration in {@link #MIGRATIONS} (a test keeps the two in step). */
    static final int NEWEST_VERSION = 5;
    private static final Logger LOG = LoggerFactory.getLogger(LocalStore.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path dir;
    private final JdbcDataSource dataSource;
    private final String version;

    private LocalStore(Path dir, JdbcDataSource dataSource, String version) {
        this.dir = dir;
        this.dataSource = dataSource;
        this.version = version;
    }

    /** Opens (creating or upgrading as needed) the store in {@code dir}. */
    public static LocalStore open(Path dir) {
        return open(dir, null);
    }

    /** Whether {@code dir} holds a store (it may still be damaged or of a newer Sextant). */
    public static boolean existsIn(Path dir) {
        return Files.exists(dir.resolve(DB_NAME + ".mv.db"));
    }

    /** Opens the store, migrating only up to {@code targetVersion} (null for the newest); for tests of upgrades. */
    static LocalStore open(Path dir, String targetVersion) {
        prepareFolder(dir);
        boolean exists = existsIn(dir);
        if (exists && targetVersion == null && upToDate(dir)) {
            return new LocalStore(dir, dataSource(dir, false), String.valueOf(NEWEST_VERSION));
        }
        if (exists) {
            inspectReadOnly(dir);
        }
        JdbcDataSource ds = dataSource(dir, false);
        // One connection held through the migration, so another process cannot take the file half-way.
        Connection held;
        try {
            held = connect(ds);
        } catch (SQLException e) {
            throw unreadable(dir, e);
        }
        try {
            String version = migrate(dir, ds, held, targetVersion);
            return new LocalStore(dir, ds, version);
        } finally {
            closeQuietly(held);
        }
    }

    /**
     * A connection from {@code ds}, waiting while another process has the file open: every process
     * holds it only for a short transaction, so a turn comes within moments.
     */
    private static Connection connect(JdbcDataSource ds) throws SQLException {
        long deadline = System.nanoTime() + BUSY_WAIT.toNanos();
        long pause = 5;
        while (true) {
            try {
                return ds.getConnection();
            } catch (SQLException e) {
                if (e.getErrorCode() != FILE_IN_USE || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while waiting for the store", e);
            }
            pause = Math.min(pause * 2, 50);
        }
    }

    private static JdbcDataSource dataSource(Path dir, boolean readOnly) {
        JdbcDataSource ds = new JdbcDataSource();
        // The file closes with its last connection; compaction at close is kept short, because it happens
        // after every turn on the store and 30 ms is enough to keep the file small.
        ds.setURL("jdbc:h2:file:" + dir.resolve(DB_NAME).toAbsolutePath() + ";TRACE_LEVEL_FILE=0;MAX_COMPACT_TIME=30"
                + (readOnly ? ";ACCESS_MODE_DATA=r" : ""));
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    /**
     * Whether an existing store is at the newest version with every migration applied, read from Flyway's
     * history table without Flyway: the common case of every start, which then skips Flyway's scan of the
     * migrations and its checks (about a quarter of the start-up work before the connections are listed).
     * Anything else (an older or newer store, a failed migration, no history) answers false, and Flyway's
     * full path deals with it and says what is wrong. A file that does not open is refused here, as the
     * full path would: H2 keeps a file it failed to open locked for the rest of the process.
     */
    private static boolean upToDate(Path dir) {
        Connection readOnly;
        try {
            readOnly = connect(dataSource(dir, true));
        } catch (SQLException e) {
            throw unreadable(dir, e);
        }
        try (Connection c = readOnly;
             Statement s = c.createStatement();
             java.sql.ResultSet rows = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
            int newest = 0;
            while (rows.next()) {
                String version = rows.getString(1);
                if (!rows.getBoolean(2)) {
                    return false;
                }
                if (version != null) {
                    newest = Math.max(newest, Integer.parseInt(version));
                }
            }
            return newest == NEWEST_VERSION;
        } catch (SQLException | NumberFormatException e) {
            return false;
        }
    }

    /**
     * Opens an existing store read-only first, so that a damaged file or one from a newer Sextant is
     * refused before anything is written to it.
     */
    private static void inspectReadOnly(Path dir) {
        JdbcDataSource ds = dataSource(dir, true);
        try (Connection c = connect(ds)) {
            MigrationInfo[] all = Flyway.configure().dataSource(ds).locations(MIGRATIONS)
                    .ignoreMigrationPatterns("*:future").load().info().all();
            if (Arrays.stream(all).anyMatch(i -> i.getState() == MigrationState.FUTURE_SUCCESS
                    || i.getState() == MigrationState.FUTURE_FAILED)) {
                throw new StoreException(StoreException.Problem.NEWER_VERSION, "The store in " + dir
                        + " was written by a newer version of Sextant. Update Sextant to open it; the file was left unchanged.",
                        latestBackup(dir).orElse(null), null);
            }
        } catch (SQLException e) {
            throw unreadable(dir, e);
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw new StoreException(StoreException.Problem.UNREADABLE, "The store in " + dir + " cannot be read ("
                    + e.getMessage() + "). It was left unchanged.", latestBackup(dir).orElse(null), e);
        }
    }

    private static void prepareFolder(Path dir) {
        try {
            Files.createDirectories(dir.resolve("backups"));
        } catch (IOException e) {
            throw new StoreException(StoreException.Problem.UNWRITABLE, "Sextant cannot create its store in " + dir
                    + " (" + e.getMessage() + "). Check the folder's permissions, or choose another data folder with "
                    + "--home or SEXTANT_HOME.", null, e);
        }
        if (!Files.isWritable(dir)) {
            throw new StoreException(StoreException.Problem.UNWRITABLE, "Sextant cannot write to its store folder " + dir
                    + ". Check the folder's permissions, or choose another data folder with --home or SEXTANT_HOME.", null, null);
        }
    }

    private static String migrate(Path dir, DataSource ds, Connection held, String targetVersion) {
        var config = Flyway.configure().dataSource(ds).locations(MIGRATIONS).cleanDisabled(true)
                .ignoreMigrationPatterns("*:future").validateOnMigrate(true);
        if (targetVersion != null) {
            config.target(MigrationVersion.fromVersion(targetVersion));
        }
        Flyway flyway = config.load();
        MigrationInfo current = flyway.info().current();
        if (current != null && flyway.info().pending().length > 0) {
            backup(dir, held, current.getVersion().getVersion());
        }
        try {
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Store migrated from version {} to {}", result.initialSchemaVersion, result.targetSchemaVersion);
            }
        } catch (RuntimeException e) {
            throw new StoreException(StoreException.Problem.MIGRATION_FAILED, "Sextant could not upgrade its store in " + dir
                    + ": " + e.getMessage(), latestBackup(dir).orElse(null), e);
        }
        MigrationInfo now = flyway.info().current();
        return now == null ? "0" : now.getVersion().getVersion();
    }

    /** Writes a plain SQL copy of the store to {@code backups/} and keeps only the newest few. */
    static Path backup(Path dir, Connection c, String schemaVersion) {
        Path file = dir.resolve("backups").resolve("sextant-store-v" + schemaVersion + "-" + LocalDateTime.now().format(STAMP) + ".sql");
        try (Statement s = c.createStatement()) {
            s.execute("SCRIPT TO '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new StoreException(StoreException.Problem.MIGRATION_FAILED, "Sextant could not back up its store before "
                    + "upgrading it, so it did not upgrade: " + e.getMessage(), null, e);
        }
        List<Path> backups = backups(dir);
        for (int i = KEEP_BACKUPS; i < backups.size(); i++) {
            try {
                Files.deleteIfExists(backups.get(i));
            } catch (IOException e) {
                LOG.warn("Could not delete an old store backup {}: {}", backups.get(i), e.getMessage());
            }
        }
        LOG.info("Store backed up to {}", file);
        return file;
    }

    /** The store's backups, newest first. */
    public static List<Path> backups(Path dir) {
        Path folder = dir.resolve("backups");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString().replaceFirst("^sextant-store-v[^-]*-", ""))
                            .reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public static Optional<Path> latestBackup(Path dir) {
        return backups(dir).stream().findFirst();
    }

    /**
     * Starts again from a backup: the unreadable store file is renamed aside (its bytes untouched), a new
     * store is created from the backup and upgraded.
     *
     * @return the opened store
     */
    public static LocalStore restoreFrom(Path dir, Path backup) {
        Path file = dir.resolve(DB_NAME + ".mv.db");
        try {
            if (Files.exists(file)) {
                Path aside = dir.resolve(DB_NAME + ".mv.db.unreadable-" + LocalDateTime.now().format(STAMP));
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
                LOG.warn("Kept the unreadable store as {}", aside);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Problem.UNWRITABLE, "Sextant could not move the unreadable store aside: "
                    + e.getMessage(), backup, e);
        }
        try (Connection c = dataSource(dir, false).getConnection(); Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + backup.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new StoreException(StoreException.Problem.UNREADABLE, "The backup " + backup + " could not be read: "
                    + e.getMessage(), null, e);
        }
        return open(dir);
    }

    private static StoreException unreadable(Path dir, SQLException e) {
        Path file = dir.resolve(DB_NAME + ".mv.db");
        Path backup = latestBackup(dir).orElse(null);
        String offer = backup == null ? " There is no backup to start from."
                : " You can start from the latest backup (" + backup.getFileName() + ").";
        return switch (e.getErrorCode()) {
            case FILE_IN_USE -> new StoreException(StoreException.Problem.ALREADY_RUNNING, "The store " + file
                    + " has been held by another program for more than " + BUSY_WAIT.toSeconds()
                    + " seconds (another Sextant, or a tool that opened the file). Close it and try again.", null, e);
            case 90048 -> new StoreException(StoreException.Problem.NEWER_VERSION, "The store " + file
                    + " was written by a different version of the database engine. It was left unchanged." + offer, backup, e);
            case 90096, 90028 -> Files.isReadable(file) && Files.isWritable(file) ? damaged(file, offer, backup, e)
                    : new StoreException(StoreException.Problem.UNWRITABLE, "Sextant cannot read or write "
                    + file + " (" + firstLine(e.getMessage()) + "). Check its permissions." + offer, backup, e);
            default -> damaged(file, offer, backup, e);
        };
    }

    private static StoreException damaged(Path file, String offer, Path backup, SQLException e) {
        return new StoreException(StoreException.Problem.UNREADABLE, "The store " + file
                + " cannot be opened; it may be damaged. It was left unchanged." + offer, backup, e);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /**
     * A new connection to the store; close it soon after use, since other Sextant processes wait for
     * the file while any connection of this one is open.
     */
    public Connection connection() throws SQLException {
        return connect(dataSource);
    }

    /**
     * Keeps the store open in this process until the returned hold is closed, for a burst of short turns
     * such as the start-up work: the connections asked for meanwhile join the open file instead of opening
     * it again (H2 reads the whole schema at each open, tens of milliseconds on a cold start) and closing
     * it after each turn. Other processes wait meanwhile, as they do during any turn, so hold it briefly.
     */
    public Hold hold() {
        try {
            return new Hold(connect(dataSource));
        } catch (SQLException e) {
            throw unreadable(dir, e);
        }
    }

    /** The store kept open by {@link #hold()}; closing it lets the file close with its last connection. */
    public static final class Hold implements AutoCloseable {
        private final Connection connection;

        private Hold(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            closeQuietly(connection);
        }
    }

    /** The schema version the store is at after opening, e.g. "2". */
    public String schemaVersion() {
        return version;
    }

    public Path folder() {
        return dir;
    }

    /** Writes a backup now (e.g. before a risky import). */
    public Path backupNow() {
        try (Connection c = connection()) {
            return backup(dir, c, version);
        } catch (SQLException e) {
            throw unreadable(dir, e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the database closes with its last connection
        }
    }

    /** Nothing stays open between transactions; kept so that callers can scope a store with try. */
    @Override
    public void close() {
        // the file closed with the last connection
    }
}

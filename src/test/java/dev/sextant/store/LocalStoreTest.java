package dev.sextant.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store on real H2 files: migrations, backups, damaged files, and a second process. */
class LocalStoreTest {

    @TempDir
    Path dir;

    private static void insertConfig(LocalStore store, String name) throws SQLException {
        try (Connection c = store.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO CONNECTION_CONFIG (ID, NAME, CONNECTOR_TYPE, KIND, CREATED_AT, UPDATED_AT) "
                    + "VALUES ('id-" + name + "', '" + name + "', 'h2', 'DEVELOPMENT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
    }

    private static List<String> configNames(LocalStore store) throws SQLException {
        try (Connection c = store.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT NAME FROM CONNECTION_CONFIG ORDER BY NAME")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

    private static String hash(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private Path storeFile() {
        return dir.resolve("sextant.mv.db");
    }

    @Test
    void anEmptyFolderGetsTheNewestSchemaAndNoBackup() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            assertThat(store.schemaVersion()).isEqualTo("5");
            insertConfig(store, "first");
            assertThat(configNames(store)).containsExactly("first");
        }
        assertThat(LocalStore.backups(dir)).isEmpty();
        try (LocalStore again = LocalStore.open(dir)) {
            assertThat(configNames(again)).containsExactly("first");
        }
        assertThat(LocalStore.backups(dir)).as("no migration ran, so no backup").isEmpty();
    }

    @Test
    void upgradingFromThePreviousVersionWritesABackupFirstAndKeepsTheData() throws Exception {
        try (LocalStore v1 = LocalStore.open(dir, "1")) {
            assertThat(v1.schemaVersion()).isEqualTo("1");
            insertConfig(v1, "kept across upgrades");
        }

        try (LocalStore v2 = LocalStore.open(dir)) {
            assertThat(v2.schemaVersion()).isEqualTo("5");
            assertThat(configNames(v2)).containsExactly("kept across upgrades");
            try (Connection c = v2.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO UI_STATE VALUES ('window', '{}', CURRENT_TIMESTAMP)");
            }
        }

        List<Path> backups = LocalStore.backups(dir);
        assertThat(backups).hasSize(1);
        assertThat(backups.get(0).getFileName().toString()).startsWith("sextant-store-v1-").endsWith(".sql");
        String sql = Files.readString(backups.get(0));
        assertThat(sql).contains("CREATE").contains("kept across upgrades").doesNotContain("UI_STATE");
    }

    @Test
    void theQuickOpenKnowsTheNewestMigration() throws Exception {
        // an up-to-date store is recognised by comparing Flyway's history with this constant, not the files
        Path migrations = Path.of(LocalStore.class.getResource("migration").toURI());
        int newest;
        try (var files = Files.list(migrations)) {
            newest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
        assertThat(LocalStore.NEWEST_VERSION).isEqualTo(newest);
    }

    @Test
    void anUpToDateStoreOpensWithoutFlywayWhileAFailedMigrationStillGoesThroughIt() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            insertConfig(store, "kept");
        }
        // Flyway's validation would refuse a changed checksum: opening anyway shows Flyway was not run
        execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = 1 WHERE \"version\" = '1'");
        try (LocalStore store = LocalStore.open(dir)) {
            assertThat(store.schemaVersion()).isEqualTo(String.valueOf(LocalStore.NEWEST_VERSION));
            assertThat(configNames(store)).containsExactly("kept");
        }
        assertThat(LocalStore.backups(dir)).isEmpty();

        execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '5'");
        assertThatThrownBy(() -> LocalStore.open(dir)).isInstanceOf(StoreException.class);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("sextant"), "sa", "");
             Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(sql)).isEqualTo(1);
        }
    }

    @Test
    void onlyTheNewestBackupsAreKept() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            for (int i = 0; i < LocalStore.KEEP_BACKUPS + 3; i++) {
                store.backupNow();
            }
        }
        assertThat(LocalStore.backups(dir)).hasSize(LocalStore.KEEP_BACKUPS);
    }

    @Test
    void aGarbageFileIsLeftUntouchedAndTheLatestBackupIsOffered() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            insertConfig(store, "saved before the damage");
            store.backupNow();
        }
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        Files.write(storeFile(), garbage);
        String before = hash(storeFile());

        StoreException error = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class, () -> LocalStore.open(dir));

        assertThat(error.problem()).isEqualTo(StoreException.Problem.UNREADABLE);
        assertThat(error.getMessage()).contains("cannot be opened").contains("left unchanged").contains("latest backup");
        assertThat(error.latestBackup()).isPresent();
        assertThat(hash(storeFile())).isEqualTo(before);

        try (LocalStore restored = LocalStore.restoreFrom(dir, error.latestBackup().get())) {
            assertThat(configNames(restored)).containsExactly("saved before the damage");
        }
        try (var kept = Files.list(dir)) {
            Path aside = kept.filter(p -> p.getFileName().toString().startsWith("sextant.mv.db.unreadable-")).findFirst().orElseThrow();
            assertThat(hash(aside)).as("the damaged file is kept byte for byte").isEqualTo(before);
        }
    }

    @Test
    void aTruncatedFileEitherOpensOrFailsCleanlyWithoutBeingChanged() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            insertConfig(store, "a");
        }
        byte[] whole = Files.readAllBytes(storeFile());
        Files.write(storeFile(), java.util.Arrays.copyOf(whole, whole.length / 3));
        String before = hash(storeFile());

        try (LocalStore store = LocalStore.open(dir)) {
            assertThat(store.schemaVersion()).isNotEmpty(); // H2 recovered an earlier consistent state
        } catch (StoreException e) {
            assertThat(e.problem()).isIn(StoreException.Problem.UNREADABLE, StoreException.Problem.NEWER_VERSION);
            assertThat(e.getMessage()).contains(storeFile().toString());
            assertThat(hash(storeFile())).isEqualTo(before);
        }
    }

    @Test
    void aStoreFromANewerSextantIsRefusedAndLeftAlone() throws Exception {
        try (LocalStore store = LocalStore.open(dir);
             Connection c = store.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                    + "\"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'sa', 1, TRUE)");
        }
        String before = hash(storeFile());

        assertThatThrownBy(() -> LocalStore.open(dir)).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.problem()).isEqualTo(StoreException.Problem.NEWER_VERSION);
            assertThat(e.getMessage()).contains("newer version of Sextant");
        });
        assertThat(hash(storeFile())).isEqualTo(before);
    }

    @Test
    void aFolderThatCannotBeCreatedIsAClearError() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");

        assertThatThrownBy(() -> LocalStore.open(notAFolder.resolve("store")))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.problem()).isEqualTo(StoreException.Problem.UNWRITABLE);
                    assertThat(e.getMessage()).contains("cannot create its store").contains("--home");
                });
    }

    @Test
    void aSecondProcessIsToldSextantIsRunningAndACrashLeavesNoStaleLock() throws Exception {
        Process holder = startHolder("lock");
        try {
            assertThatThrownBy(() -> InstanceLock.acquire(dir)).isInstanceOfSatisfying(StoreException.class, e -> {
                assertThat(e.problem()).isEqualTo(StoreException.Problem.ALREADY_RUNNING);
                assertThat(e.getMessage()).contains("already running").contains("process " + holder.pid());
            });
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // the holder died without releasing anything: the next start still gets the lock
        try (InstanceLock lock = InstanceLock.acquire(dir)) {
            assertThat(Files.readString(dir.resolve(InstanceLock.FILE_NAME))).isEqualTo(String.valueOf(ProcessHandle.current().pid()));
        }
    }

    @Test
    void anotherProcessWritesToTheStoreWhileThisOneHasItOpen() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            insertConfig(store, "x");
            Process writer = startHolder("WRITING", "write", dir.toString(), "child-", "25");
            try {
                // both processes write at the same time, each in short turns
                for (int i = 0; i < 25; i++) {
                    try (Connection c = store.connection(); Statement s = c.createStatement()) {
                        s.executeUpdate("INSERT INTO UI_STATE VALUES ('parent-" + i + "', 'x', CURRENT_TIMESTAMP)");
                    }
                }
                assertThat(writer.waitFor(60, TimeUnit.SECONDS)).as("the other process finished").isTrue();
                assertThat(writer.exitValue()).isZero();
            } finally {
                writer.destroyForcibly();
            }
            try (Connection c = store.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FILTER (WHERE STATE_KEY LIKE 'child-%'), "
                         + "COUNT(*) FILTER (WHERE STATE_KEY LIKE 'parent-%') FROM UI_STATE")) {
                rs.next();
                assertThat(rs.getInt(1)).as("rows the other process wrote").isEqualTo(25);
                assertThat(rs.getInt(2)).as("rows this process wrote").isEqualTo(25);
            }
            assertThat(configNames(store)).containsExactly("x");
        }
        assertThat(Files.size(storeFile())).as("turns on the store do not bloat the file").isLessThan(2_000_000);
    }

    @Test
    void aHoldKeepsTheFileOpenForTheTurnsWithinItAndClosingItLetsTheFileClose() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            try (LocalStore.Hold hold = store.hold()) {
                assertThat(openSessions(store)).as("the hold's session and this turn's").isEqualTo(2);
                insertConfig(store, "x");
                assertThat(configNames(store)).containsExactly("x");
            }
            assertThat(openSessions(store)).as("this turn's alone: the file closes with it").isEqualTo(1);
        }
    }

    private static int openSessions(LocalStore store) throws SQLException {
        try (Connection c = store.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aProcessWaitsItsTurnWhileAnotherHoldsTheStore() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            insertConfig(store, "x");
        }
        Process holder = startHolder("HOLDING", "hold", dir.toString(), "1500");
        try {
            long start = System.nanoTime();
            try (LocalStore store = LocalStore.open(dir)) {
                long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(waitedMs).as("opened only once the other process let go").isGreaterThan(500);
                assertThat(configNames(store)).containsExactly("x");
            }
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process startHolder(String what) throws Exception {
        return startHolder("HOLDING", what, dir.toString());
    }

    /** Starts {@link LockHolder} with the arguments and returns once it printed {@code ready}. */
    private Process startHolder(String ready, String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            if (line.contains(ready)) {
                return p;
            }
        }
        p.destroyForcibly();
        throw new AssertionError("the second process did not start");
    }
}

package dev.sextant.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import dev.sextant.app.AppPaths;
import dev.sextant.app.Sextant;
import dev.sextant.config.ConnectionCatalog;
import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectionTestReport;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.query.ProgressListener;
import dev.sextant.query.QuerySession;
import dev.sextant.secret.SecretStore;
import dev.sextant.store.LocalStore;
import dev.sextant.testing.LeakScan;
import dev.sextant.testing.TestSample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A sentinel password goes through everything Sextant does with a secret: kept (in the real keychain when
 * this session has one, else for the session), used to connect, used in a failed connect and a connection
 * test, exported. Afterwards its bytes must be in none of Sextant's files: the store, its backups, the
 * logs (written at DEBUG for everything), the export, the temporary files; nor in any error message.
 */
class SecretLeakTest {

    private static final String SENTINEL = "Sentinel-Pw-7f3a91-LEAK";

    @TempDir
    Path dir;

    @Test
    void theSentinelPasswordIsInNoFileAndNoMessage() throws Exception {
        AppPaths paths = TestSample.homeWithSample(dir);
        Path log = paths.logs().resolve("sextant-leak-test.log");
        FileAppender<ILoggingEvent> appender = attachFileLog(log);
        List<String> messages = new ArrayList<>();
        Path userDb = dir.resolve("user-db").resolve("guarded");
        createPasswordProtectedDatabase(userDb);
        SecretStore secrets = SecretStore.withSystemKeychain();
        ConnectionCatalog.SecretPlace place = secrets.keychainStatus().available()
                ? ConnectionCatalog.SecretPlace.KEYCHAIN : ConnectionCatalog.SecretPlace.SESSION;
        String keptRef = null;
        try (Sextant sextant = new Sextant(paths, secrets)) {
            sextant.start(ProgressListener.NONE);
            ConnectionCatalog catalog = sextant.catalog();
            keptRef = catalog.keepSecret(SENTINEL, place);
            ExternalDatabaseConfig good = catalog.create(new ExternalDatabaseConfig("guarded", "Guarded", "h2",
                    Map.of("path", userDb.toString(), "user", "OWNER"), Map.of("password", keptRef),
                    ConnectionKind.PRODUCTION, false, "Secure", null, null, null));
            ExternalDatabaseConfig wrongUser = catalog.create(new ExternalDatabaseConfig("wrong", "Wrong user", "h2",
                    Map.of("path", userDb.toString(), "user", "INTRUDER"), Map.of("password", keptRef),
                    ConnectionKind.TEST, false, "Secure", null, null, null));
            ExternalDatabaseConfig missing = catalog.create(new ExternalDatabaseConfig("missing", "Missing file", "h2",
                    Map.of("path", dir.resolve("nowhere").toString()), Map.of("password", keptRef),
                    ConnectionKind.TEST, false, "Secure", null, null, null));

            try (QuerySession session = sextant.workspace().newSession(good)) {
                assertThat(session.execute("SELECT SECRET_NOTE FROM NOTES", List.of(), 200).firstPage().rows()).hasSize(1);
            }
            for (ExternalDatabaseConfig failing : List.of(wrongUser, missing)) {
                try (QuerySession session = sextant.workspace().newSession(failing)) {
                    assertThatThrownBy(() -> session.execute("SELECT 1", List.of(), 200))
                            .isInstanceOf(ConnectorException.class)
                            .satisfies(e -> messages.add(e.getMessage() + " / " + e.getCause()));
                }
                try (BaseDBConnector c = sextant.workspace().newConnector(failing)) {
                    ConnectionTestReport report = c.testConnection();
                    assertThat(report.passed()).isFalse();
                    messages.add(report.asText());
                }
            }
            messages.add(good.toString());
            messages.add(String.valueOf(good.asMap()));
            Files.writeString(paths.home().resolve("export.json"), catalog.export(catalog.list()));
            LoggerFactory.getLogger(SecretLeakTest.class).debug("Configs after the run: {}", catalog.list());
        } finally {
            detach(appender);
        }
        try (LocalStore store = LocalStore.open(paths.store())) {
            store.backupNow();
        }

        assertThat(Files.size(log)).as("the log captured the run").isPositive();
        assertThat(Files.readString(log)).contains("Connected to H2", "Configs after the run");
        assertThat(messages).isNotEmpty().allSatisfy(m -> assertThat(m).doesNotContain(SENTINEL));
        List<Path> scanned = filesUnder(paths.home());
        assertThat(scanned).anyMatch(p -> p.toString().endsWith("sextant.mv.db"))
                .anyMatch(p -> p.toString().endsWith(".sql")).anyMatch(p -> p.toString().endsWith("export.json"))
                .anyMatch(p -> p.equals(log));
        assertThat(containsSentinel(("prefix " + SENTINEL).getBytes(StandardCharsets.UTF_16LE))).as("the scan finds what it looks for").isTrue();
        for (Path file : scanned) {
            assertThat(containsSentinel(Files.readAllBytes(file))).as("the sentinel password in " + file).isFalse();
        }
        if (place == ConnectionCatalog.SecretPlace.KEYCHAIN) {
            secrets.delete(dev.sextant.secret.SecretReference.parse(keptRef));
        }
    }

    /** The user's own database, whose owner's password is the sentinel. */
    private static void createPasswordProtectedDatabase(Path path) {
        try (BaseDBConnector c = ConnectorRegistry.loadInstalled().create("h2", new ConnectionParameters(
                Map.of("path", path.toString(), "create", "true", "user", "OWNER"), Map.of("password", SENTINEL), false))) {
            c.connect();
            c.executeSqlStatement("CREATE TABLE NOTES (SECRET_NOTE VARCHAR(40))", null, null);
            c.executeSqlStatement("INSERT INTO NOTES VALUES ('hello')", null, null);
        }
    }

    private static boolean containsSentinel(byte[] content) {
        return LeakScan.contains(content, SENTINEL);
    }

    private static List<Path> filesUnder(Path root) throws Exception {
        return LeakScan.filesUnder(root, root.resolve("sample"));
    }

    private static FileAppender<ILoggingEvent> attachFileLog(Path file) throws Exception {
        return LeakScan.attachFileLog(file);
    }

    private static void detach(FileAppender<ILoggingEvent> appender) {
        LeakScan.detach(appender);
    }
}

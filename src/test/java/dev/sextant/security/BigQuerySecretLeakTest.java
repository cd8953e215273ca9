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
import dev.sextant.connector.ConnectorException;
import dev.sextant.query.ProgressListener;
import dev.sextant.query.QuerySession;
import dev.sextant.schema.SchemaRef;
import dev.sextant.secret.SecretReference;
import dev.sextant.secret.SecretStore;
import dev.sextant.store.LocalStore;
import dev.sextant.testing.BigQueryFixture;
import dev.sextant.testing.BigQueryStandIn;
import dev.sextant.testing.LeakScan;
import dev.sextant.testing.ServiceAccountKey;
import dev.sextant.testing.TestSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A service-account key goes through everything Sextant does with a BigQuery connection: kept (in the
 * real keychain when one is usable here, else in memory), used to log in, query, browse and run
 * the connection test, used in failing connections (an unknown key, a damaged key, impersonation that is
 * not allowed) and exported. Afterwards neither the key nor any access token the stand-in handed out may
 * be in Sextant's files (store, backups, logs at DEBUG, export, temporary files) or in any message.
 */
class BigQuerySecretLeakTest {

    @TempDir
    Path dir;

    @Test
    void theKeyAndTheTokensAreInNoFileAndNoMessage() throws Exception {
        AppPaths paths = TestSample.homeWithSample(dir);
        Path log = paths.logs().resolve("sextant-bigquery-leak-test.log");
        FileAppender<ILoggingEvent> appender = LeakScan.attachFileLog(log);
        List<String> messages = new ArrayList<>();
        SecretStore secrets = SecretStore.withSystemKeychain();
        ConnectionCatalog.SecretPlace place = secrets.keychainStatus().available()
                ? ConnectionCatalog.SecretPlace.KEYCHAIN : ConnectionCatalog.SecretPlace.SESSION;
        List<String> kept = new ArrayList<>();
        ServiceAccountKey key;
        ServiceAccountKey unknown;
        try (BigQueryStandIn standIn = new BigQueryStandIn(new BigQueryFixture()); Sextant sextant = new Sextant(paths, secrets)) {
            key = ServiceAccountKey.create(standIn, "leaky");
            unknown = ServiceAccountKey.unknown(standIn, "forgotten");
            sextant.start(ProgressListener.NONE);
            ConnectionCatalog catalog = sextant.catalog();
            String goodRef = keep(catalog, key.json(), place, kept);
            Map<String, String> settings = Map.of("projectId", BigQueryStandIn.PROJECT, "endpoint", standIn.url(),
                    "authentication", "service-account-key");
            ExternalDatabaseConfig good = catalog.create(config("good", settings, goodRef));
            ExternalDatabaseConfig stranger = catalog.create(config("stranger", settings, keep(catalog, unknown.json(), place, kept)));
            ExternalDatabaseConfig damaged = catalog.create(config("damaged", settings,
                    keep(catalog, key.json().replace(key.privateKeyFragment().substring(0, 16), "%%"), place, kept)));
            Map<String, String> impersonating = new java.util.LinkedHashMap<>(settings);
            impersonating.put("impersonateServiceAccount", "admin@" + BigQueryStandIn.PROJECT + ".iam.gserviceaccount.com");
            ExternalDatabaseConfig denied = catalog.create(config("denied", impersonating, goodRef));

            try (QuerySession session = sextant.workspace().newSession(good)) {
                assertThat(session.execute("SELECT * FROM shop.orders", List.of(), 200).firstPage().rows()).hasSize(200);
            }
            assertThat(sextant.workspace().listSchemas(good, true)).isNotEmpty();
            assertThat(sextant.workspace().scanSchema(good, new SchemaRef(BigQueryStandIn.PROJECT, "shop", "")).tables()).isNotEmpty();
            try (BaseDBConnector c = sextant.workspace().newConnector(good)) {
                messages.add(c.testConnection().asText());
            }
            for (ExternalDatabaseConfig failing : List.of(stranger, damaged, denied)) {
                try (QuerySession session = sextant.workspace().newSession(failing)) {
                    assertThatThrownBy(() -> session.execute("SELECT 1", List.of(), 200)).isInstanceOf(ConnectorException.class)
                            .satisfies(e -> messages.add(e.getMessage() + " / " + e.getCause()));
                }
                try (BaseDBConnector c = sextant.workspace().newConnector(failing)) {
                    var report = c.testConnection();
                    assertThat(report.passed()).isFalse();
                    messages.add(report.asText());
                }
            }
            messages.add(good.toString());
            messages.add(String.valueOf(good.asMap()));
            Files.writeString(paths.home().resolve("export.json"), catalog.export(catalog.list()));
            LoggerFactory.getLogger(BigQuerySecretLeakTest.class).debug("Configs after the run: {}", catalog.list());

            List<String> secretTexts = new ArrayList<>(standIn.issuedTokens());
            assertThat(secretTexts).as("the run got access tokens").isNotEmpty();
            secretTexts.add(key.privateKeyFragment());
            secretTexts.add(unknown.privateKeyFragment());
            LeakScan.detach(appender);
            try (LocalStore store = LocalStore.open(paths.store())) {
                store.backupNow();
            }
            assertThat(Files.readString(log)).contains("Connected to BigQuery project", "Configs after the run");
            assertThat(messages).hasSize(9).allSatisfy(m -> assertThat(secretTexts).allSatisfy(s -> assertThat(m).doesNotContain(s)));
            List<Path> scanned = LeakScan.filesUnder(paths.home(), paths.home().resolve("sample"));
            assertThat(scanned).anyMatch(p -> p.toString().endsWith("sextant.mv.db")).anyMatch(p -> p.equals(log))
                    .anyMatch(p -> p.toString().endsWith("export.json"));
            assertThat(LeakScan.contains(("x" + key.privateKeyFragment()).getBytes(java.nio.charset.StandardCharsets.UTF_16BE),
                    key.privateKeyFragment())).as("the scan finds what it looks for").isTrue();
            for (Path file : scanned) {
                byte[] content = Files.readAllBytes(file);
                for (String secret : secretTexts) {
                    assertThat(LeakScan.contains(content, secret)).as("a key or token in " + file).isFalse();
                }
            }
        } finally {
            LeakScan.detach(appender);
            if (place == ConnectionCatalog.SecretPlace.KEYCHAIN) {
                for (String ref : kept) {
                    secrets.delete(SecretReference.parse(ref));
                }
            }
        }
    }

    private static String keep(ConnectionCatalog catalog, String secret, ConnectionCatalog.SecretPlace place, List<String> kept) {
        String ref = catalog.keepSecret(secret, place);
        kept.add(ref);
        return ref;
    }

    private static ExternalDatabaseConfig config(String name, Map<String, String> settings, String keyRef) {
        return new ExternalDatabaseConfig(name, "BigQuery " + name, "bigquery", settings, Map.of("serviceAccountKey", keyRef),
                ConnectionKind.PRODUCTION, false, "Cloud", null, null, null);
    }
}

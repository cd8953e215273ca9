package dev.sextant.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.secret.FakeKeychain;
import dev.sextant.secret.SecretStore;
import dev.sextant.store.LocalStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections and their secrets kept together, on a real store. The keychain is an in-memory double
 * here (the real Secret Service is exercised by SystemKeychainTest and the leak test).
 */
class ConnectionCatalogTest {

    @TempDir
    Path dir;
    private LocalStore store;
    private FakeKeychain keychain;
    private SecretStore secrets;
    private ConnectionCatalog catalog;

    @BeforeEach
    void open() {
        store = LocalStore.open(dir);
        keychain = new FakeKeychain();
        secrets = new SecretStore(keychain);
        ConfigValidator validator = new ConfigValidator(ConnectorRegistry.loadInstalled());
        catalog = new ConnectionCatalog(new ConfigRepository(store, validator), secrets, validator);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ExternalDatabaseConfig saveWithKeychainPassword(String name, String password) {
        String ref = catalog.keepSecret(password, ConnectionCatalog.SecretPlace.KEYCHAIN);
        return catalog.create(ExternalDatabaseConfig.create(name, "h2", Map.of("path", "/db/" + name), ConnectionKind.TEST)
                .withSecretRefs(Map.of("password", ref)));
    }

    @Test
    void theStoreHoldsOnlyTheReferenceAndTheKeychainTheValue() {
        ExternalDatabaseConfig saved = saveWithKeychainPassword("Sales", "pa55-word");

        assertThat(saved.secretRefs().get("password")).startsWith("keychain:");
        assertThat(keychain.entries()).containsValue("pa55-word");
        assertThat(secrets.resolve(saved.secretRefs().get("password"))).contains("pa55-word");
        assertThat(saved.toString()).doesNotContain("pa55-word");
    }

    @Test
    void renamingKeepsTheSecretAndDeletingRemovesIt() {
        ExternalDatabaseConfig saved = saveWithKeychainPassword("Sales", "pa55-word");

        catalog.rename(saved.id(), "Sales EU");
        assertThat(secrets.resolve(catalog.find(saved.id()).orElseThrow().secretRefs().get("password"))).contains("pa55-word");

        catalog.delete(saved.id());
        assertThat(keychain.entries()).doesNotContainValue("pa55-word");
        assertThat(catalog.list()).isEmpty();
    }

    @Test
    void aDuplicateGetsItsOwnCopyOfTheSecret() {
        ExternalDatabaseConfig saved = saveWithKeychainPassword("Sales", "pa55-word");

        ExternalDatabaseConfig copy = catalog.duplicate(saved.id());

        assertThat(copy.secretRefs().get("password")).startsWith("keychain:").isNotEqualTo(saved.secretRefs().get("password"));
        catalog.delete(saved.id());
        assertThat(secrets.resolve(copy.secretRefs().get("password"))).as("the copy survives the original").contains("pa55-word");
    }

    @Test
    void anUpdateThatDropsASecretDeletesItOnlyAfterSaving() {
        ExternalDatabaseConfig saved = saveWithKeychainPassword("Sales", "pa55-word");
        String oldRef = saved.secretRefs().get("password");

        catalog.update(saved.withSecretRefs(Map.of("password", "env:SALES_PASSWORD")));

        assertThat(secrets.resolve(oldRef)).isEmpty();
        assertThat(catalog.find(saved.id()).orElseThrow().secretRefs()).containsEntry("password", "env:SALES_PASSWORD");
    }

    @Test
    void sessionSecretsStayInMemory() {
        String ref = catalog.keepSecret("only-for-now", ConnectionCatalog.SecretPlace.SESSION);

        assertThat(ref).startsWith("session:");
        assertThat(keychain.entries()).isEmpty();
        assertThat(secrets.resolve(ref)).contains("only-for-now");
    }
}

package dev.sextant.config;

import dev.sextant.secret.KeychainStatus;
import dev.sextant.secret.SecretReference;
import dev.sextant.secret.SecretStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saved connections together with their secrets: what the connection manager, the command line and
 * imports work with. Deleting a connection deletes its keychain entries, renaming keeps them, and a
 * duplicate gets its own copies so that no two connections share an entry. Blocks on the store and the
 * keychain: call from background threads.
 */
public final class ConnectionCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCatalog.class);

    /** Where a new secret is kept. */
    public enum SecretPlace { KEYCHAIN, SESSION }

    private final ConfigRepository repository;
    private final SecretStore secrets;
    private final ConfigValidator validator;
    private ConfigTransfer transfer;

    public ConnectionCatalog(ConfigRepository repository, SecretStore secrets, ConfigValidator validator) {
        this.repository = repository;
        this.secrets = secrets;
        this.validator = validator;
    }

    /** Made on first use: its JSON mapper is a good part of the start-up work, and few sessions export or import. */
    private synchronized ConfigTransfer transfer() {
        if (transfer == null) {
            transfer = new ConfigTransfer(validator);
        }
        return transfer;
    }

    public ConfigRepository repository() {
        return repository;
    }

    public List<ExternalDatabaseConfig> list() {
        return repository.list();
    }

    public Optional<ExternalDatabaseConfig> find(String id) {
        return repository.find(id);
    }

    /** Whether the OS keychain can hold secrets now, and if not, why (checked once, then remembered). */
    public KeychainStatus keychainStatus() {
        return secrets.keychainStatus();
    }

    /**
     * Keeps a secret value and returns the reference to put in a config. The keychain throws
     * {@code KeychainUnavailableException} with a plain reason when it cannot be used.
     */
    public String keepSecret(String value, SecretPlace place) {
        SecretReference ref = place == SecretPlace.KEYCHAIN ? secrets.storeInKeychain(value) : secrets.storeForSession(value);
        return ref.toString();
    }

    public ExternalDatabaseConfig create(ExternalDatabaseConfig config) {
        return repository.create(config);
    }

    /**
     * Saves changes; secrets the change no longer refers to are deleted from the keychain (after the save
     * succeeded, so a refused change loses nothing).
     */
    public ExternalDatabaseConfig update(ExternalDatabaseConfig config) {
        Map<String, String> before = repository.find(config.id()).map(ExternalDatabaseConfig::secretRefs).orElse(Map.of());
        ExternalDatabaseConfig saved = repository.update(config);
        before.values().stream().filter(ref -> !saved.secretRefs().containsValue(ref)).forEach(this::forget);
        return saved;
    }

    /** Renames; the secrets stay where they are. */
    public ExternalDatabaseConfig rename(String id, String newName) {
        return repository.rename(id, newName);
    }

    /** Moves a connection to another folder (empty for the top level); its secrets stay where they are. */
    public ExternalDatabaseConfig moveToFolder(String id, String folder) {
        return repository.moveToFolder(id, folder);
    }

    /** Renames a folder, or merges it into an existing one; all or nothing (see {@link ConfigRepository#renameFolder}). */
    public int renameFolder(String from, String to) {
        return repository.renameFolder(from, to);
    }

    /** A copy with a free name; keychain and session secrets are copied into new entries of their own. */
    public ExternalDatabaseConfig duplicate(String id) {
        ExternalDatabaseConfig original = repository.find(id).orElseThrow(() -> new IllegalArgumentException("That connection no longer exists."));
        Map<String, String> refs = new LinkedHashMap<>();
        original.secretRefs().forEach((field, ref) -> copySecret(ref).ifPresent(copy -> refs.put(field, copy)));
        return repository.duplicate(id, refs);
    }

    private Optional<String> copySecret(String ref) {
        SecretReference parsed = SecretReference.parse(ref);
        if (parsed.kind() == SecretReference.Kind.ENV) {
            return Optional.of(ref);
        }
        return secrets.resolve(parsed).map(value -> parsed.kind() == SecretReference.Kind.KEYCHAIN
                ? secrets.storeInKeychain(value).toString() : secrets.storeForSession(value).toString());
    }

    /** Deletes the connection, then its keychain and session secrets. */
    public Optional<ExternalDatabaseConfig> delete(String id) {
        Optional<ExternalDatabaseConfig> deleted = repository.delete(id);
        deleted.ifPresent(c -> c.secretRefs().values().forEach(this::forget));
        return deleted;
    }

    /**
     * Deletes a secret that no saved connection refers to, e.g. one kept for a save that then failed.
     * A failure is logged, never thrown: the entry can still be removed from the keychain by hand.
     */
    public void forgetSecret(String ref) {
        forget(ref);
    }

    private void forget(String ref) {
        try {
            secrets.delete(SecretReference.parse(ref));
        } catch (RuntimeException e) {
            // the config is gone either way; the entry can be removed by hand from the keychain
            LOG.warn("Could not delete the secret {} of a removed connection: {}", ref, e.getMessage());
        }
    }

    public String export(List<ExternalDatabaseConfig> configs) {
        return transfer().export(configs);
    }

    /** What importing this file would add and replace; nothing is written. */
    public ImportPreview previewImport(String fileContent) {
        return transfer().preview(fileContent, repository.list());
    }

    /** Writes a previewed import, all or nothing. */
    public List<ExternalDatabaseConfig> applyImport(ImportPreview preview) {
        return repository.saveAll(preview.configs());
    }
}

package dev.sextant.ui.connections;

import dev.sextant.config.ConfigValidator;
import dev.sextant.config.ConnectionCatalog;
import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.config.McpAccess;
import dev.sextant.config.FieldProblem;
import dev.sextant.config.InvalidConfigException;
import dev.sextant.connector.ConfigField;
import dev.sextant.connector.ConnectorProvider;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.connector.FieldType;
import dev.sextant.query.Workspace;
import dev.sextant.secret.KeychainStatus;
import dev.sextant.secret.KeychainUnavailableException;
import dev.sextant.secret.SecretReference;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskMonitor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connection form's state and rules, without a screen. Its fields come from the connector's declared
 * {@link ConfigField}s, so a new connector gets a form without UI code. Every change is checked in the
 * background (the config rules, and whether named files exist) and each problem lands on the field it
 * names; a field shows its problem once the user has touched it, or after a save was tried. Secrets are
 * typed here and kept in the keychain or the session only when saving, or named as an environment variable;
 * the store only ever sees the reference. Use on the JavaFX thread.
 */
public final class ConnectionFormModel {

    /** Where a secret the user types is kept. */
    public enum SecretPlace {
        KEYCHAIN("System keychain"), SESSION("This session only"), ENVIRONMENT("Environment variable");

        private final String label;

        SecretPlace(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static SecretPlace of(SecretReference.Kind kind) {
            return switch (kind) {
                case KEYCHAIN -> KEYCHAIN;
                case SESSION -> SESSION;
                case ENV -> ENVIRONMENT;
            };
        }
    }

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
    /** Stands for a typed secret while the draft is checked; it never reaches the store. */
    private static final String TYPED = "session:typed-in-the-form";

    /** One generated field of the form. */
    public final class Field {
        private final ConfigField spec;
        private final StringProperty value = new SimpleStringProperty("");
        private final StringProperty problem = new SimpleStringProperty();
        private final StringProperty hint = new SimpleStringProperty();
        private final BooleanProperty touched = new SimpleBooleanProperty();
        private final ObjectProperty<SecretPlace> place = new SimpleObjectProperty<>(SecretPlace.KEYCHAIN);
        private final StringProperty envName = new SimpleStringProperty("");
        private final BooleanProperty shown = new SimpleBooleanProperty(true);
        private String savedReference;
        private String latestProblem;

        Field(ConfigField spec) {
            this.spec = spec;
            value.addListener((o, a, b) -> changed(this));
            place.addListener((o, a, b) -> changed(this));
            envName.addListener((o, a, b) -> changed(this));
        }

        public ConfigField spec() {
            return spec;
        }

        /** The text the user typed (for a secret: the secret itself, kept only in memory). */
        public StringProperty valueProperty() {
            return value;
        }

        /** The problem to show under the field, naming it; null when there is none or it is not shown yet. */
        public StringProperty problemProperty() {
            return problem;
        }

        /** A note that does not block saving, e.g. an environment variable that is not set here. */
        public StringProperty hintProperty() {
            return hint;
        }

        public ObjectProperty<SecretPlace> placeProperty() {
            return place;
        }

        public StringProperty envNameProperty() {
            return envName;
        }

        /**
         * Whether the field applies to the other fields' values (a key file only while signing in with a
         * key file); a field that does not is hidden, not checked and not saved.
         */
        public ReadOnlyBooleanProperty shownProperty() {
            return shown;
        }

        /** Where the saved secret is kept, e.g. "Saved in the system keychain", or empty for none. */
        public String savedSecretDescription() {
            if (savedReference == null) {
                return "";
            }
            return switch (SecretReference.parse(savedReference).kind()) {
                case KEYCHAIN -> "Saved in the system keychain: type to replace it";
                case SESSION -> "Kept for this session: type to replace it";
                case ENV -> "Read from an environment variable";
            };
        }

        /** Whether a secret is saved that an empty field keeps. */
        public boolean keepsSavedSecret() {
            return savedReference != null && value.get().isEmpty()
                    && SecretPlace.of(SecretReference.parse(savedReference).kind()) == place.get()
                    && place.get() != SecretPlace.ENVIRONMENT;
        }

        void show() {
            problem.set(touched.get() || submitted ? latestProblem : null);
        }
    }

    private final ConnectorRegistry registry;
    private final ConfigValidator validator;
    private final Supplier<ConnectionCatalog> catalog;
    private final Workspace workspace;
    private final TaskMonitor tasks;
    private final ExternalDatabaseConfig existing;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty nameProblem = new SimpleStringProperty();
    private final BooleanProperty nameTouched = new SimpleBooleanProperty();
    private final ObjectProperty<ConnectorProvider> type = new SimpleObjectProperty<>();
    private final StringProperty folder = new SimpleStringProperty("");
    private final ObjectProperty<ConnectionKind> kind = new SimpleObjectProperty<>(ConnectionKind.DEVELOPMENT);
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final BooleanProperty mcpVisible = new SimpleBooleanProperty();
    private final BooleanProperty mcpWrite = new SimpleBooleanProperty();
    private final StringProperty color = new SimpleStringProperty();
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObjectProperty<KeychainStatus> keychain = new SimpleObjectProperty<>();
    private final StringProperty formProblem = new SimpleStringProperty();
    private final BooleanProperty valid = new SimpleBooleanProperty();
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final ConnectionTestModel test;
    private boolean submitted;
    private boolean loading;
    private long generation;

    /**
     * @param existing the saved config to edit, or null for a new connection
     */
    public ConnectionFormModel(ConnectorRegistry registry, Supplier<ConnectionCatalog> catalog, Workspace workspace,
                               TaskMonitor tasks, ExternalDatabaseConfig existing) {
        this.registry = registry;
        this.validator = new ConfigValidator(registry);
        this.catalog = catalog;
        this.workspace = workspace;
        this.tasks = tasks;
        this.existing = existing;
        this.test = new ConnectionTestModel(tasks);
        loading = true;
        if (existing != null) {
            name.set(existing.name());
            folder.set(existing.folder());
            kind.set(existing.kind());
            readOnly.set(existing.readOnly());
            mcpVisible.set(existing.mcp().available());
            mcpWrite.set(existing.mcp().mayWrite());
            color.set(existing.color());
            type.set(registry.provider(existing.type()));
        } else if (!registry.providers().isEmpty()) {
            type.set(providers().get(0));
        }
        buildFields();
        loading = false;
        name.addListener((o, a, b) -> {
            nameTouched.set(true);
            validate();
        });
        type.addListener((o, a, b) -> {
            buildFields();
            validate();
        });
        folder.addListener((o, a, b) -> validate());
        color.addListener((o, a, b) -> validate());
        validate();
        BackgroundTask.wrap(p -> catalog.get().keychainStatus())
                .onSuccess(status -> {
                    keychain.set(status);
                    if (!status.available()) {
                        fields.stream().filter(f -> f.spec.secret() && f.savedReference == null
                                && f.place.get() == SecretPlace.KEYCHAIN).forEach(f -> f.place.set(SecretPlace.SESSION));
                    }
                })
                .executeWith(tasks.executor());
    }

    /** The fields of the chosen connector, rebuilt when the type changes; values of same-named fields carry over. */
    private void buildFields() {
        Map<String, String> carried = new LinkedHashMap<>();
        // what the user typed carries over to a field of the same name; another connector's defaults do not
        fields.stream().filter(f -> !f.spec.secret() && !f.value.get().equals(f.spec.defaultValue() == null ? "" : f.spec.defaultValue()))
                .forEach(f -> carried.put(f.spec.name(), f.value.get()));
        List<Field> built = new ArrayList<>();
        ConnectorProvider provider = type.get();
        if (provider != null) {
            boolean wasLoading = loading;
            loading = true;
            for (ConfigField spec : provider.fields()) {
                Field f = new Field(spec);
                if (spec.secret()) {
                    if (keychain.get() != null && !keychain.get().available()) {
                        f.place.set(SecretPlace.SESSION);
                    }
                    String ref = existing != null && existing.type().equals(provider.type()) ? existing.secretRefs().get(spec.name()) : null;
                    if (ref != null) {
                        f.savedReference = ref;
                        SecretReference parsed = SecretReference.parse(ref);
                        f.place.set(SecretPlace.of(parsed.kind()));
                        if (parsed.kind() == SecretReference.Kind.ENV) {
                            f.envName.set(parsed.key());
                        }
                    }
                } else if (existing != null && existing.type().equals(provider.type()) && existing.parameters().containsKey(spec.name())) {
                    f.value.set(existing.parameters().get(spec.name()));
                } else if (carried.containsKey(spec.name()) && !carried.get(spec.name()).isEmpty()) {
                    f.value.set(carried.get(spec.name()));
                } else if (spec.defaultValue() != null) {
                    f.value.set(spec.defaultValue());
                }
                built.add(f);
            }
            loading = wasLoading;
        }
        fields.setAll(built);
        updateShown();
    }

    /** Shows the fields that apply to the values now in the form, and hides the others. */
    private void updateShown() {
        List<ConfigField> specs = fields.stream().map(f -> f.spec).toList();
        Map<String, String> values = new LinkedHashMap<>();
        fields.stream().filter(f -> !f.spec.secret()).forEach(f -> values.put(f.spec.name(), f.value.get()));
        for (Field f : fields) {
            f.shown.set(f.spec.appliesTo(specs, values));
        }
    }

    private void changed(Field field) {
        if (!field.spec.secret()) {
            updateShown();
        }
        if (!loading) {
            field.touched.set(true);
            validate();
        }
    }

    /** The installed connectors, by the name the user knows them by. */
    public List<ConnectorProvider> providers() {
        return registry.providers().stream()
                .sorted(java.util.Comparator.comparing(ConnectorProvider::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    public boolean isNew() {
        return existing == null;
    }

    public ConnectorRegistry registry() {
        return registry;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty nameProblemProperty() {
        return nameProblem;
    }

    public ObjectProperty<ConnectorProvider> typeProperty() {
        return type;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public ObjectProperty<ConnectionKind> kindProperty() {
        return kind;
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    /** Whether LLM clients of {@code sextant mcp} see the connection (off for a new one). */
    public BooleanProperty mcpVisibleProperty() {
        return mcpVisible;
    }

    /** Whether LLM clients of {@code sextant mcp} may change data through it (only when they see it). */
    public BooleanProperty mcpWriteProperty() {
        return mcpWrite;
    }

    /** {@code #rrggbb}, or null for no colour. */
    public StringProperty colorProperty() {
        return color;
    }

    public ObservableList<Field> fields() {
        return fields;
    }

    public Optional<Field> field(String fieldName) {
        return fields.stream().filter(f -> f.spec.name().equals(fieldName)).findFirst();
    }

    /** Whether the keychain can be used (null until checked), and why not. */
    public ObjectProperty<KeychainStatus> keychainProperty() {
        return keychain;
    }

    /** A problem of the whole form, e.g. why saving failed. */
    public StringProperty formProblemProperty() {
        return formProblem;
    }

    /** Whether the last check found no problem at all (shown or not yet). */
    public BooleanProperty validProperty() {
        return valid;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }

    public ConnectionTestModel test() {
        return test;
    }

    /**
     * The config as the form stands. Secrets the user typed stand as a placeholder reference that is only
     * good for checking; {@link #typedSecrets()} holds their values.
     */
    ExternalDatabaseConfig draft() {
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> refs = new LinkedHashMap<>();
        for (Field f : fields) {
            if (!f.shown.get()) {
                // not saved while it does not apply; a secret saved before stays, for when it applies again
                if (f.spec.secret() && f.savedReference != null) {
                    refs.put(f.spec.name(), f.savedReference);
                }
            } else if (f.spec.secret()) {
                secretReference(f).ifPresent(ref -> refs.put(f.spec.name(), ref));
            } else if (!f.value.get().isBlank()) {
                params.put(f.spec.name(), f.value.get().strip());
            }
        }
        String id = existing == null ? UUID.randomUUID().toString() : existing.id();
        return new ExternalDatabaseConfig(id, name.get() == null ? "" : name.get(),
                type.get() == null ? "" : type.get().type(), params, refs, kind.get(), readOnly.get(), folder.get(),
                color.get(), existing == null ? null : existing.createdAt(), null)
                .withMcp(new McpAccess(mcpVisible.get(), mcpVisible.get() && mcpWrite.get()));
    }

    private Optional<String> secretReference(Field f) {
        if (f.place.get() == SecretPlace.ENVIRONMENT) {
            String envName = f.envName.get() == null ? "" : f.envName.get().strip();
            return envName.isEmpty() ? Optional.empty() : Optional.of("env:" + envName);
        }
        if (!f.value.get().isEmpty()) {
            return Optional.of(TYPED);
        }
        return f.keepsSavedSecret() ? Optional.of(f.savedReference) : Optional.empty();
    }

    /** The secrets typed into the form, by field name; for a test before saving. Never stored. */
    Map<String, String> typedSecrets() {
        Map<String, String> typed = new LinkedHashMap<>();
        fields.stream().filter(f -> f.spec.secret() && f.shown.get() && f.place.get() != SecretPlace.ENVIRONMENT
                        && !f.value.get().isEmpty())
                .forEach(f -> typed.put(f.spec.name(), f.value.get()));
        return typed;
    }

    /** Checks the form in the background; only the newest check's result is shown. */
    public void validate() {
        if (loading) {
            return;
        }
        long mine = ++generation;
        ExternalDatabaseConfig draft = draft();
        ConnectorProvider provider = type.get();
        List<Field> current = List.copyOf(fields);
        Map<String, String> settings = new LinkedHashMap<>(draft.parameters());
        Set<String> shown = shownNames(current);
        BackgroundTask.wrap(p -> check(draft, provider, current, shown, settings))
                .onSuccess(problems -> {
                    if (mine == generation) {
                        show(problems, current);
                    }
                })
                .executeWith(tasks.executor());
    }

    /** The names of the fields that apply now, read on the JavaFX thread for a check in the background. */
    private static Set<String> shownNames(List<Field> current) {
        return current.stream().filter(f -> f.shown.get()).map(f -> f.spec.name()).collect(Collectors.toSet());
    }

    /** Every problem by field name ("name" for the connection's name, "" for the form). Runs in the background. */
    private Map<String, String> check(ExternalDatabaseConfig draft, ConnectorProvider provider, List<Field> current,
                                      Set<String> shownNames, Map<String, String> settings) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (FieldProblem problem : validator.problems(draft)) {
            problems.merge(problem.field(), problem.message(), (a, b) -> a + " " + b);
        }
        for (Field f : current) {
            String fieldName = f.spec.name();
            if (!shownNames.contains(fieldName)) {
                continue;
            }
            if (f.spec.secret() && f.place.get() == SecretPlace.ENVIRONMENT) {
                String envName = f.envName.get() == null ? "" : f.envName.get().strip();
                if (envName.isEmpty()) {
                    problems.put(fieldName, "'" + f.spec.label() + "': name the environment variable that holds it.");
                } else if (!ENV_NAME.matcher(envName).matches()) {
                    problems.put(fieldName, "'" + f.spec.label() + "': '" + envName + "' is not an environment variable name.");
                } else if (!f.spec.required()) {
                    problems.remove(fieldName);
                }
            }
            if (f.spec.type() == FieldType.FILE && provider != null && !f.value.get().isBlank() && !problems.containsKey(fieldName)) {
                provider.fileProblem(f.spec, f.value.get(), settings).ifPresent(m -> problems.put(fieldName, m));
            }
        }
        return problems;
    }

    private void show(Map<String, String> problems, List<Field> checked) {
        valid.set(problems.isEmpty());
        nameProblem.set(nameTouched.get() || submitted ? problems.get("name") : null);
        for (Field f : checked) {
            f.latestProblem = problems.get(f.spec.name());
            f.show();
            if (f.spec.secret() && f.place.get() == SecretPlace.ENVIRONMENT && f.latestProblem == null) {
                String envName = f.envName.get().strip();
                f.hint.set(System.getenv(envName) == null ? "The variable " + envName + " is not set where Sextant runs now." : null);
            } else {
                f.hint.set(null);
            }
        }
        List<String> other = new ArrayList<>();
        problems.forEach((field, message) -> {
            if (!field.equals("name") && checked.stream().noneMatch(f -> f.spec.name().equals(field))) {
                other.add(message);
            }
        });
        if (submitted || !other.isEmpty()) {
            formProblem.set(other.isEmpty() ? null : String.join(" ", other));
        }
    }

    /**
     * Saves the connection: typed secrets go to the keychain or the session first, then the config (with
     * their references) to the store. Nothing is written when a problem is found; every problem is shown
     * on its field.
     *
     * @param onSaved        receives the saved config, on the JavaFX thread
     * @param afterUpdate    runs in the background after an existing connection was changed, with the old
     *                       and the new config (to drop its open connection and its schema cache)
     */
    public void save(Consumer<ExternalDatabaseConfig> onSaved, BiConsumer<ExternalDatabaseConfig, ExternalDatabaseConfig> afterUpdate) {
        submitted = true;
        nameTouched.set(true);
        formProblem.set(null);
        ExternalDatabaseConfig draft = draft();
        ConnectorProvider provider = type.get();
        List<Field> current = List.copyOf(fields);
        Map<String, String> settings = new LinkedHashMap<>(draft.parameters());
        Map<String, SecretPlace> places = new LinkedHashMap<>();
        current.forEach(f -> places.put(f.spec.name(), f.place.get()));
        Map<String, String> typed = typedSecrets();
        Set<String> shown = shownNames(current);
        saving.set(true);
        long mine = ++generation;
        BackgroundTask.wrap(p -> {
                    Map<String, String> problems = check(draft, provider, current, shown, settings);
                    if (!problems.isEmpty()) {
                        throw new FormProblems(problems);
                    }
                    return store(draft, typed, places, afterUpdate);
                })
                .onSuccess(saved -> {
                    saving.set(false);
                    onSaved.accept(saved);
                })
                .onFailure(e -> {
                    saving.set(false);
                    if (mine != generation) {
                        generation++;
                    }
                    if (e instanceof FormProblems problems) {
                        show(problems.problems, current);
                    } else if (e instanceof InvalidConfigException invalid) {
                        Map<String, String> byField = new LinkedHashMap<>();
                        invalid.problems().forEach(fp -> byField.merge(fp.field(), fp.message(), (a, b) -> a + " " + b));
                        show(byField, current);
                    } else if (e instanceof SecretProblem secret) {
                        field(secret.field).ifPresent(f -> {
                            f.latestProblem = secret.getMessage();
                            f.show();
                        });
                        formProblem.set("Nothing was saved. " + secret.getMessage());
                    } else {
                        formProblem.set("Nothing was saved: " + ConnectionsModel.message(e));
                    }
                    if (formProblem.get() == null) {
                        formProblem.set("Nothing was saved: fix the fields marked below.");
                    }
                })
                .executeWith(tasks.executor());
    }

    /** Keeps the typed secrets, then saves; if saving fails, the secrets just kept are removed again. */
    private ExternalDatabaseConfig store(ExternalDatabaseConfig draft, Map<String, String> typed, Map<String, SecretPlace> places,
                                         BiConsumer<ExternalDatabaseConfig, ExternalDatabaseConfig> afterUpdate) {
        ConnectionCatalog saved = catalog.get();
        Map<String, String> refs = new LinkedHashMap<>(draft.secretRefs());
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, String> secret : typed.entrySet()) {
            ConnectionCatalog.SecretPlace where = places.get(secret.getKey()) == SecretPlace.KEYCHAIN
                    ? ConnectionCatalog.SecretPlace.KEYCHAIN : ConnectionCatalog.SecretPlace.SESSION;
            try {
                String ref = saved.keepSecret(secret.getValue(), where);
                kept.add(ref);
                refs.put(secret.getKey(), ref);
            } catch (KeychainUnavailableException e) {
                kept.forEach(ref -> forget(saved, ref));
                String label = field(secret.getKey()).map(f -> f.spec.label()).orElse(secret.getKey());
                throw new SecretProblem(secret.getKey(), "'" + label + "' could not be kept in the system keychain: "
                        + e.getMessage() + " Keep it for this session or in an environment variable instead.");
            }
        }
        ExternalDatabaseConfig config = draft.withSecretRefs(refs);
        try {
            if (existing == null) {
                return saved.create(config);
            }
            ExternalDatabaseConfig updated = saved.update(config);
            afterUpdate.accept(existing, updated);
            return updated;
        } catch (RuntimeException e) {
            kept.forEach(ref -> forget(saved, ref));
            throw e;
        }
    }

    /** Removes a secret that was kept for a save that then failed, so no entry is left behind. */
    private static void forget(ConnectionCatalog catalog, String ref) {
        catalog.forgetSecret(ref);
    }

    /** Runs the connector's staged test on the form's values, typed secrets included; nothing is saved. */
    public void runTest() {
        ExternalDatabaseConfig draft = draft();
        Map<String, String> typed = typedSecrets();
        String subject = (draft.name().isBlank() ? "unsaved connection" : draft.name())
                + (type.get() == null ? "" : " (" + type.get().displayName() + ")");
        test.run(subject, () -> workspace.newConnector(draft, typed));
    }

    /** Problems found while saving, by field. */
    private static final class FormProblems extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, String> problems;

        FormProblems(Map<String, String> problems) {
            super("The form has problems");
            this.problems = problems;
        }
    }

    /** A typed secret could not be kept where the user chose. */
    private static final class SecretProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        SecretProblem(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}

package dev.sextant.ui.connections;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.config.ConnectionCatalog;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.query.Workspace;
import dev.sextant.store.UiStateStore;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections panel's state: saved connections, their folders (including folders the user made that
 * hold nothing yet), the search text, the selection and whether each connection is open. Every change
 * goes to the store in the background; the outcome of a failed one lands in {@link #problemProperty()}.
 * Use on the JavaFX thread.
 */
public final class ConnectionsModel {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsModel.class);
    /** The UI state key of the folders that hold no connection yet (a folder otherwise exists through its connections). */
    static final String EMPTY_FOLDERS_KEY = "connections.emptyFolders";

    /** Whether the schema tree's connection to a config is open. */
    public enum State { DISCONNECTED, CONNECTING, CONNECTED, FAILED }

    private final Supplier<ConnectionCatalog> catalog;
    private final Supplier<UiStateStore> uiState;
    private final Workspace workspace;
    private final TaskMonitor tasks;
    private final ObservableList<ExternalDatabaseConfig> configs = FXCollections.observableArrayList();
    private final ObservableList<String> emptyFolders = FXCollections.observableArrayList();
    private final ObservableMap<String, State> states = FXCollections.observableHashMap();
    private final ObservableMap<String, String> failures = FXCollections.observableHashMap();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<ExternalDatabaseConfig> selected = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty();
    /** Set once the saved connections have been read and listed, so that an empty list means there are none. */
    private final BooleanProperty listed = new SimpleBooleanProperty();

    public ConnectionsModel(Supplier<ConnectionCatalog> catalog, Supplier<UiStateStore> uiState, Workspace workspace,
                            TaskMonitor tasks) {
        this.catalog = catalog;
        this.uiState = uiState;
        this.workspace = workspace;
        this.tasks = tasks;
    }

    public ObservableList<ExternalDatabaseConfig> configs() {
        return configs;
    }

    public ObjectProperty<ExternalDatabaseConfig> selectedProperty() {
        return selected;
    }

    public ExternalDatabaseConfig selected() {
        return selected.get();
    }

    public void select(ExternalDatabaseConfig config) {
        selected.set(config);
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The last thing that went wrong with a change, in words for the user; null when all went well. */
    public ReadOnlyBooleanProperty listedProperty() {
        return listed;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public ObservableMap<String, State> states() {
        return states;
    }

    public State state(ExternalDatabaseConfig config) {
        return states.getOrDefault(config.id(), State.DISCONNECTED);
    }

    /** Why the last connect of a config failed, for its tooltip. */
    public Optional<String> failure(ExternalDatabaseConfig config) {
        return Optional.ofNullable(failures.get(config.id()));
    }

    /** What the user calls a connector type, e.g. "PostgreSQL"; the type key itself when it is not installed. */
    public String displayName(String type) {
        try {
            return workspace.registry().provider(type).displayName();
        } catch (RuntimeException e) {
            return type;
        }
    }

    public ObservableList<String> emptyFolders() {
        return emptyFolders;
    }

    /** Every folder, sorted by name: those that hold connections and those the user made empty. */
    public List<String> folders() {
        TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        configs.stream().map(ExternalDatabaseConfig::folder).filter(f -> !f.isEmpty()).forEach(all::add);
        all.addAll(emptyFolders);
        return List.copyOf(all);
    }

    /** Whether a connection's name (or its folder's) contains the search text, ignoring case. */
    public boolean matches(ExternalDatabaseConfig config) {
        String needle = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        return needle.isEmpty() || config.name().toLowerCase(Locale.ROOT).contains(needle)
                || config.folder().toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Shows the given connections (after start-up or an import), keeping the selection where it can. */
    public void setAll(List<ExternalDatabaseConfig> list) {
        ExternalDatabaseConfig was = selected.get();
        configs.setAll(list);
        emptyFolders.removeIf(f -> list.stream().anyMatch(c -> c.folder().equalsIgnoreCase(f)));
        Optional<ExternalDatabaseConfig> keep = was == null ? Optional.empty()
                : list.stream().filter(c -> c.id().equals(was.id())).findFirst();
        selected.set(keep.orElse(list.isEmpty() ? null : list.get(0)));
        listed.set(true);
    }

    /** Reads the folders the user made empty; call once the store is open. */
    public void loadFolders() {
        BackgroundTask.wrap(p -> uiState.get().get(EMPTY_FOLDERS_KEY)
                        .map(text -> readFolders(text)).orElse(List.of()))
                .onSuccess(list -> {
                    for (String f : list) {
                        if (!emptyFolders.contains(f) && configs.stream().noneMatch(c -> c.folder().equalsIgnoreCase(f))) {
                            emptyFolders.add(f);
                        }
                    }
                })
                .onFailure(e -> LOG.warn("Could not read the connection folders: {}", e.getMessage()))
                .executeWith(tasks.executor());
    }

    private List<String> readFolders(String text) {
        try {
            return Json.MAPPER.readValue(text, new TypeReference<List<String>>() { });
        } catch (Exception e) {
            LOG.warn("Ignoring unreadable connection folders: {}", e.getMessage());
            return List.of();
        }
    }

    private void saveFolders() {
        List<String> list = List.copyOf(emptyFolders);
        BackgroundTask.wrap(p -> {
            uiState.get().put(EMPTY_FOLDERS_KEY, Json.MAPPER.writeValueAsString(list));
            return null;
        }).onFailure(e -> problem.set("The folders could not be saved: " + e.getMessage())).executeWith(tasks.executor());
    }

    /** Reads the saved connections again. */
    public void reload() {
        reload(null);
    }

    private void reload(String selectId) {
        BackgroundTask.wrap(p -> catalog.get().list())
                .onSuccess(list -> {
                    setAll(list);
                    if (selectId != null) {
                        list.stream().filter(c -> c.id().equals(selectId)).findFirst().ifPresent(selected::set);
                    }
                })
                .onFailure(e -> problem.set(message(e)))
                .executeWith(tasks.executor());
    }

    /**
     * Checks a folder name for creating or renaming to.
     *
     * @return the problem in words, or empty when the name can be used
     */
    public Optional<String> folderNameProblem(String name, String renaming) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return Optional.of("A folder needs a name.");
        }
        if (n.length() > 200) {
            return Optional.of("A folder name has at most 200 characters.");
        }
        if (!n.equalsIgnoreCase(renaming == null ? "" : renaming) && folders().stream().anyMatch(f -> f.equalsIgnoreCase(n))) {
            return Optional.of("There is already a folder named '" + n + "'.");
        }
        return Optional.empty();
    }

    public void createFolder(String name) {
        problem.set(null);
        Optional<String> bad = folderNameProblem(name, null);
        if (bad.isPresent()) {
            problem.set(bad.get());
            return;
        }
        emptyFolders.add(name.strip());
        saveFolders();
    }

    /** Renames a folder; its connections move with it in one step (all or none). */
    public void renameFolder(String from, String to) {
        problem.set(null);
        Optional<String> bad = folderNameProblem(to, from);
        if (bad.isPresent()) {
            problem.set(bad.get());
            return;
        }
        String target = to.strip();
        int index = emptyFolders.indexOf(from);
        if (index >= 0) {
            emptyFolders.set(index, target);
            saveFolders();
        }
        if (configs.stream().anyMatch(c -> c.folder().equals(from))) {
            String keep = selected.get() == null ? null : selected.get().id();
            tasks.run("Renaming folder " + from, BackgroundTask.wrap(p -> catalog.get().renameFolder(from, target))
                    .onSuccess(n -> reload(keep))
                    .onFailure(e -> problem.set(message(e))));
        }
    }

    /** Deletes an empty folder; a folder that still holds connections is refused with a reason. */
    public void deleteFolder(String name) {
        problem.set(null);
        if (configs.stream().anyMatch(c -> c.folder().equals(name))) {
            problem.set("The folder '" + name + "' still holds connections: move or delete them first.");
            return;
        }
        emptyFolders.remove(name);
        saveFolders();
    }

    /** Moves a connection into a folder ("" for the top level). */
    public void move(ExternalDatabaseConfig config, String folder) {
        problem.set(null);
        if (config.folder().equals(folder)) {
            return;
        }
        tasks.run("Moving " + config.name(), BackgroundTask.wrap(p -> catalog.get().moveToFolder(config.id(), folder))
                .onSuccess(moved -> {
                    emptyFolders.remove(folder);
                    if (configs.stream().noneMatch(c -> !c.id().equals(config.id()) && c.folder().equals(config.folder()))
                            && !config.folder().isEmpty()) {
                        emptyFolders.add(config.folder()); // the folder it left stays, now empty
                    }
                    saveFolders();
                    reload(moved.id());
                })
                .onFailure(e -> problem.set(message(e))));
    }

    public void duplicate(ExternalDatabaseConfig config) {
        problem.set(null);
        tasks.run("Duplicating " + config.name(), BackgroundTask.wrap(p -> catalog.get().duplicate(config.id()))
                .onSuccess(copy -> reload(copy.id()))
                .onFailure(e -> problem.set(message(e))));
    }

    /** Deletes a connection, closes its connection and forgets its secrets. */
    public void delete(ExternalDatabaseConfig config) {
        problem.set(null);
        tasks.run("Deleting " + config.name(), BackgroundTask.wrap(p -> {
                    workspace.disconnect(config);
                    return catalog.get().delete(config.id());
                })
                .onSuccess(deleted -> {
                    states.remove(config.id());
                    if (selected.get() != null && selected.get().id().equals(config.id())) {
                        selected.set(null);
                    }
                    reload();
                })
                .onFailure(e -> problem.set(message(e))));
    }

    /** A config was saved by the form: show it and select it. */
    public void saved(ExternalDatabaseConfig config) {
        emptyFolders.remove(config.folder());
        reload(config.id());
    }

    /**
     * Opens the schema tree's connection to a config in the background.
     *
     * @param then runs on the JavaFX thread once it is open (e.g. refresh the tree); may be null
     */
    public void connect(ExternalDatabaseConfig config, Runnable then) {
        connect(config, then, reason -> { });
    }

    /**
     * @param onFailure receives why the connection failed, on the JavaFX thread
     */
    public void connect(ExternalDatabaseConfig config, Runnable then, Consumer<String> onFailure) {
        if (state(config) == State.CONNECTING) {
            return;
        }
        states.put(config.id(), State.CONNECTING);
        failures.remove(config.id());
        tasks.run("Connecting to " + config.name(), BackgroundTask.wrap(p -> {
                    workspace.connect(config);
                    return config;
                })
                .onSuccess(c -> {
                    states.put(config.id(), State.CONNECTED);
                    if (then != null) {
                        then.run();
                    }
                })
                .onFailure(e -> {
                    states.put(config.id(), State.FAILED);
                    failures.put(config.id(), message(e));
                    onFailure.accept(message(e));
                }));
    }

    /** Marks a config as connected (the tree opened its connection on its own, e.g. to load a schema). */
    public void markConnected(ExternalDatabaseConfig config) {
        states.put(config.id(), State.CONNECTED);
        failures.remove(config.id());
    }

    /** Marks a config whose connection failed, with the reason for its tooltip. */
    public void markFailed(ExternalDatabaseConfig config, String reason) {
        states.put(config.id(), State.FAILED);
        failures.put(config.id(), reason);
    }

    public void disconnect(ExternalDatabaseConfig config) {
        BackgroundTask.wrap(p -> {
            workspace.disconnect(config);
            return null;
        }).onSuccess(v -> states.put(config.id(), State.DISCONNECTED))
                .onFailure(e -> states.put(config.id(), State.DISCONNECTED))
                .executeWith(tasks.executor());
    }

    /** The ids of the configs whose connection is open, for the window state. */
    public List<String> connectedIds() {
        List<String> ids = new ArrayList<>();
        states.forEach((id, state) -> {
            if (state == State.CONNECTED) {
                ids.add(id);
            }
        });
        return ids;
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Made on first use, which is on a worker: a mapper costs Jackson's few hundred classes, which the
     * window's construction on the JavaFX thread should not wait for.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}

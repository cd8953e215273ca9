package dev.sextant.ui.connections;

import dev.sextant.config.ConnectionKind;
import dev.sextant.connector.ConfigField;
import dev.sextant.connector.ConnectorProvider;
import dev.sextant.connector.FieldType;
import dev.sextant.secret.KeychainStatus;
import dev.sextant.ui.Icons;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/**
 * The connection form, generated from the connector's declared fields and grouped by their group
 * (main, authentication, SSL, advanced…): each field with its help and, once touched, its problem;
 * secrets masked, with where they are kept; the connection test's report below; Test, Save and Cancel.
 */
public final class ConnectionForm extends VBox {

    private final ConnectionFormModel model;
    private final VBox groups = new VBox(12);
    private final Runnable onCancel;
    private List<String> knownFolders = List.of();

    /**
     * @param onSave   asks to save (the window passes the model's save with its callbacks)
     * @param onCancel closes the form without saving
     */
    public ConnectionForm(ConnectionFormModel model, Runnable onSave, Runnable onCancel) {
        this.model = model;
        this.onCancel = onCancel;
        setId("connection-form");
        getStyleClass().add("connection-form");

        Label title = new Label(model.isNew() ? "New connection" : "Edit connection", Icons.of(Feather.DATABASE));
        title.getStyleClass().add("form-title");
        Label subtitle = new Label(model.isNew() ? "Settings are checked as you type. Passwords are kept in the system "
                + "keychain, for this session only, or read from an environment variable; never in Sextant's files."
                : "Changes are saved when you press Save. An empty password field keeps the saved password.");
        subtitle.getStyleClass().add("text-muted");
        subtitle.setWrapText(true);
        subtitle.setMinHeight(Region.USE_PREF_SIZE);
        VBox header = new VBox(4, title, subtitle);
        header.setPadding(new Insets(16, 20, 8, 20));

        groups.setPadding(new Insets(4, 20, 16, 20));
        ScrollPane scroll = new ScrollPane(new VBox(groups));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        ConnectionTestView report = new ConnectionTestView(model.test());
        ScrollPane reportScroll = new ScrollPane(report);
        reportScroll.setFitToWidth(true);
        reportScroll.setPrefViewportHeight(230);
        reportScroll.setMinHeight(200);
        reportScroll.setMaxHeight(260);
        reportScroll.getStyleClass().addAll("edge-to-edge", "report-scroll");
        reportScroll.visibleProperty().bind(report.visibleProperty());
        reportScroll.managedProperty().bind(report.visibleProperty());

        Label formProblem = new Label(null, Icons.of(Feather.ALERT_TRIANGLE));
        formProblem.setId("form-problem");
        formProblem.getStyleClass().add("form-problem");
        formProblem.setWrapText(true);
        formProblem.textProperty().bind(model.formProblemProperty());
        formProblem.visibleProperty().bind(model.formProblemProperty().isNotNull());
        formProblem.managedProperty().bind(formProblem.visibleProperty());
        formProblem.setPadding(new Insets(6, 20, 6, 20));
        formProblem.setMaxWidth(Double.MAX_VALUE);

        getChildren().setAll(header, scroll, reportScroll, formProblem, footer(onSave));
        model.fields().addListener((javafx.collections.ListChangeListener<ConnectionFormModel.Field>) c -> buildGroups());
        buildGroups();
    }

    private HBox footer(Runnable onSave) {
        Button test = new Button("Test connection", Icons.of(Feather.ACTIVITY));
        test.setId("test-connection");
        test.setTooltip(new Tooltip("Run the connector's staged test with these settings; nothing is saved"));
        test.setOnAction(e -> model.runTest());
        test.disableProperty().bind(model.test().outcomeProperty().isEqualTo(ConnectionTestModel.Outcome.RUNNING));
        Button stop = new Button("Stop test", Icons.of(Feather.SQUARE));
        stop.setId("cancel-test");
        stop.setOnAction(e -> model.test().cancel());
        stop.visibleProperty().bind(model.test().outcomeProperty().isEqualTo(ConnectionTestModel.Outcome.RUNNING));
        stop.managedProperty().bind(stop.visibleProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-form");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onCancel.run());
        Button save = new Button("Save", Icons.of(Feather.CHECK));
        save.setId("save-connection");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setOnAction(e -> onSave.run());
        save.disableProperty().bind(model.savingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, test, stop, spacer, cancel, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 20, 14, 20));
        bar.getStyleClass().add("form-footer");
        return bar;
    }

    /** The general section, then one section per field group in the order the connector declares them. */
    private void buildGroups() {
        groups.getChildren().clear();
        groups.getChildren().add(section("Connection", generalGrid(), false, false));
        Map<String, List<ConnectionFormModel.Field>> byGroup = new LinkedHashMap<>();
        for (ConnectionFormModel.Field f : model.fields()) {
            byGroup.computeIfAbsent(f.spec().group(), g -> new ArrayList<>()).add(f);
        }
        int index = 0;
        for (Map.Entry<String, List<ConnectionFormModel.Field>> group : byGroup.entrySet()) {
            boolean primary = index++ < 2 || group.getValue().stream().anyMatch(f -> f.spec().secret() || f.spec().required());
            GridPane grid = grid();
            int row = 0;
            boolean changed = false;
            for (ConnectionFormModel.Field f : group.getValue()) {
                row = addField(grid, row, f);
                String value = f.valueProperty().get();
                changed |= !value.isEmpty() && !value.equals(f.spec().defaultValue() == null ? "" : f.spec().defaultValue());
            }
            if (group.getValue().stream().anyMatch(f -> f.spec().secret())) {
                grid.add(keychainNotice(), 1, row);
            }
            groups.getChildren().add(section(group.getKey(), grid, !primary, !changed));
        }
    }

    private Node section(String title, GridPane grid, boolean collapsible, boolean collapsed) {
        if (collapsible) {
            TitledPane pane = new TitledPane(title, grid);
            pane.setId("group-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
            pane.setExpanded(!collapsed);
            pane.getStyleClass().add("form-group");
            // a problem inside a closed group must not stay hidden
            for (Node n : grid.lookupAll(".field-problem")) {
                if (n.isVisible()) {
                    pane.setExpanded(true);
                }
                n.visibleProperty().addListener((o, a, shown) -> {
                    if (shown) {
                        pane.setExpanded(true);
                    }
                });
            }
            return pane;
        }
        Label heading = new Label(title.toUpperCase(Locale.ROOT));
        heading.getStyleClass().add("form-section-title");
        VBox box = new VBox(6, heading, grid);
        box.setId("group-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        return box;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints(150);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, controls);
        return grid;
    }

    private GridPane generalGrid() {
        GridPane grid = grid();
        int row = 0;

        TextField name = new TextField();
        name.setId("conn-name");
        name.setPromptText("e.g. Sales warehouse");
        name.textProperty().bindBidirectional(model.nameProperty());
        row = addRow(grid, row, "Name", true, name, "", model.nameProblemProperty(), null, "problem-name");

        ComboBox<ConnectorProvider> type = new ComboBox<>();
        type.setId("conn-type");
        type.getItems().setAll(model.providers());
        type.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConnectorProvider p) {
                return p == null ? "" : p.displayName();
            }

            @Override
            public ConnectorProvider fromString(String s) {
                return null;
            }
        });
        type.valueProperty().bindBidirectional(model.typeProperty());
        type.setDisable(!model.isNew());
        type.setMaxWidth(Double.MAX_VALUE);
        row = addRow(grid, row, "Type", true, type, model.isNew() ? "" : "The type of a saved connection does not change; duplicate it instead.",
                null, null, null);

        ComboBox<String> folder = new ComboBox<>();
        folder.setId("conn-folder");
        folder.setEditable(true);
        folder.setPromptText("(top level)");
        folder.setMaxWidth(Double.MAX_VALUE);
        folder.getItems().setAll(knownFolders);
        folder.valueProperty().bindBidirectional(model.folderProperty());
        folder.getEditor().textProperty().addListener((o, a, b) -> model.folderProperty().set(b));
        row = addRow(grid, row, "Folder", false, folder, "", null, null, null);

        ToggleGroup kinds = new ToggleGroup();
        HBox kindBox = new HBox();
        kindBox.getStyleClass().add("segmented");
        for (ConnectionKind k : ConnectionKind.values()) {
            ToggleButton b = new ToggleButton(k.label());
            b.setId("conn-kind-" + k.name().toLowerCase(Locale.ROOT));
            b.setToggleGroup(kinds);
            b.setUserData(k);
            b.setSelected(model.kindProperty().get() == k);
            b.getStyleClass().add(k == ConnectionKind.DEVELOPMENT ? "left-pill" : k == ConnectionKind.PRODUCTION ? "right-pill" : "center-pill");
            kindBox.getChildren().add(b);
        }
        kinds.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one kind is always chosen
            } else {
                model.kindProperty().set((ConnectionKind) b.getUserData());
            }
        });
        Label kindHelp = new Label();
        kindHelp.getStyleClass().add("field-help");
        kindHelp.setWrapText(true);
        kindHelp.textProperty().bind(Bindings.createStringBinding(() -> model.kindProperty().get() == ConnectionKind.PRODUCTION
                ? "Production connections are marked in red in the window and on their editor tabs."
                : "Production connections stand out in the window and on their editor tabs.", model.kindProperty()));
        grid.add(label("Kind", false), 0, row);
        grid.add(new VBox(3, kindBox, kindHelp), 1, row++);

        CheckBox readOnly = new CheckBox("Read-only: the server refuses writes");
        readOnly.setId("conn-read-only");
        readOnly.selectedProperty().bindBidirectional(model.readOnlyProperty());
        CheckBox mcpVisible = new CheckBox("Visible to LLM clients of \"sextant mcp\"");
        mcpVisible.setId("conn-mcp");
        mcpVisible.selectedProperty().bindBidirectional(model.mcpVisibleProperty());
        CheckBox mcpWrite = new CheckBox("… and they may change data through it");
        mcpWrite.setId("conn-mcp-write");
        mcpWrite.selectedProperty().bindBidirectional(model.mcpWriteProperty());
        mcpWrite.disableProperty().bind(mcpVisible.selectedProperty().not().or(model.readOnlyProperty()));
        mcpWrite.setPadding(new Insets(0, 0, 0, 22));
        HBox colorBox = colorSwatches();
        grid.add(label("Options", false), 0, row);
        grid.add(new VBox(6, readOnly, mcpVisible, mcpWrite), 1, row++);
        grid.add(label("Colour", false), 0, row);
        grid.add(colorBox, 1, row++);
        return grid;
    }

    /** The folders offered in the folder box. */
    public void setKnownFolders(List<String> folders) {
        this.knownFolders = List.copyOf(folders);
        buildGroups();
    }

    /** Colours that read well on light and dark themes; a connection may also keep a colour set elsewhere. */
    static final List<String> SWATCHES = List.of("#cf222e", "#d4700c", "#bf8700", "#1a7f37", "#0a7e8c", "#0969da",
            "#8250df", "#6e7781");

    /** No colour, or one of the swatches (and the connection's own colour when it is none of them). */
    private HBox colorSwatches() {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox(4);
        box.setId("conn-color");
        box.setAlignment(Pos.CENTER_LEFT);
        List<String> colors = new ArrayList<>(SWATCHES);
        String current = model.colorProperty().get();
        if (current != null && colors.stream().noneMatch(c -> c.equalsIgnoreCase(current))) {
            colors.add(current);
        }
        ToggleButton none = new ToggleButton(null, Icons.of(Feather.SLASH));
        none.setId("color-none");
        none.getStyleClass().addAll("color-swatch", "no-color");
        none.setTooltip(new Tooltip("No colour"));
        none.setToggleGroup(group);
        none.setSelected(current == null);
        box.getChildren().add(none);
        for (String color : colors) {
            ToggleButton swatch = new ToggleButton();
            swatch.setId("color-" + color.substring(1));
            swatch.getStyleClass().add("color-swatch");
            swatch.setStyle("-fx-background-color: " + color + ";");
            swatch.setUserData(color);
            swatch.setToggleGroup(group);
            swatch.setSelected(color.equalsIgnoreCase(current == null ? "" : current));
            box.getChildren().add(swatch);
        }
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                model.colorProperty().set((String) b.getUserData());
            }
        });
        for (Node n : box.getChildren()) {
            if (n instanceof ToggleButton t && t.getTooltip() == null) {
                t.setTooltip(new Tooltip("Marks the connection in the list and on its editor tabs"));
            }
        }
        return box;
    }

    private int addField(GridPane grid, int row, ConnectionFormModel.Field f) {
        ConfigField spec = f.spec();
        String id = "field-" + spec.name();
        Node control;
        if (spec.secret()) {
            control = secretControl(f, id);
        } else {
            control = switch (spec.type()) {
                case BOOLEAN -> {
                    CheckBox box = new CheckBox();
                    box.setId(id);
                    box.setSelected("true".equalsIgnoreCase(f.valueProperty().get()));
                    box.selectedProperty().addListener((o, a, b) -> f.valueProperty().set(String.valueOf(b)));
                    yield box;
                }
                case CHOICE -> {
                    ComboBox<String> choice = new ComboBox<>();
                    choice.setId(id);
                    choice.getItems().setAll(spec.choices());
                    choice.valueProperty().bindBidirectional(f.valueProperty());
                    yield choice;
                }
                case FILE -> fileControl(f, id);
                default -> {
                    TextField text = new TextField();
                    text.setId(id);
                    text.textProperty().bindBidirectional(f.valueProperty());
                    if (spec.defaultValue() != null) {
                        text.setPromptText(spec.defaultValue());
                    }
                    if (spec.type() == FieldType.INTEGER) {
                        text.setMaxWidth(160);
                    }
                    yield text;
                }
            };
        }
        int before = grid.getChildren().size();
        int next = addRow(grid, row, spec.label(), spec.required() && !spec.secret(), control, spec.help(), f.problemProperty(),
                f.hintProperty(), "problem-" + spec.name());
        // the row's label and cell leave the form while the field does not apply
        for (Node n : List.copyOf(grid.getChildren().subList(before, grid.getChildren().size()))) {
            n.visibleProperty().bind(f.shownProperty());
            n.managedProperty().bind(f.shownProperty());
        }
        return next;
    }

    private Node secretControl(ConnectionFormModel.Field f, String id) {
        PasswordField secret = new PasswordField();
        secret.setId(id);
        secret.textProperty().bindBidirectional(f.valueProperty());
        String saved = f.savedSecretDescription();
        secret.setPromptText(saved.isEmpty() ? "Not set" : saved);
        TextField env = new TextField();
        env.setId(id + "-env");
        env.setPromptText("Variable name, e.g. PGPASSWORD");
        env.textProperty().bindBidirectional(f.envNameProperty());
        ComboBox<ConnectionFormModel.SecretPlace> place = new ComboBox<>();
        place.setId(id + "-place");
        place.getItems().setAll(ConnectionFormModel.SecretPlace.values());
        place.valueProperty().bindBidirectional(f.placeProperty());
        place.setCellFactory(list -> new PlaceCell());
        place.setButtonCell(new PlaceCell());
        place.setTooltip(new Tooltip("Where the secret is kept; Sextant's own files only ever hold a reference to it"));
        place.setMinWidth(Region.USE_PREF_SIZE);
        Runnable swap = () -> {
            boolean fromEnv = f.placeProperty().get() == ConnectionFormModel.SecretPlace.ENVIRONMENT;
            secret.setVisible(!fromEnv);
            secret.setManaged(!fromEnv);
            env.setVisible(fromEnv);
            env.setManaged(fromEnv);
        };
        f.placeProperty().addListener((o, a, b) -> swap.run());
        swap.run();
        HBox.setHgrow(secret, Priority.ALWAYS);
        HBox.setHgrow(env, Priority.ALWAYS);
        Label keptIn = new Label("kept in");
        keptIn.getStyleClass().add("text-muted");
        keptIn.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(8, secret, env, keptIn, place);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Shows the keychain as unusable, with its reason, in the place chooser. */
    private final class PlaceCell extends ListCell<ConnectionFormModel.SecretPlace> {
        @Override
        protected void updateItem(ConnectionFormModel.SecretPlace item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setDisable(false);
                return;
            }
            KeychainStatus status = model.keychainProperty().get();
            boolean unusable = item == ConnectionFormModel.SecretPlace.KEYCHAIN && status != null && !status.available();
            setText(item.label() + (unusable ? " (unavailable)" : ""));
            setDisable(unusable && !isButtonCell());
        }

        private boolean isButtonCell() {
            return getListView() == null;
        }
    }

    private Node keychainNotice() {
        Label notice = new Label(null, Icons.of(Feather.ALERT_TRIANGLE));
        notice.setId("keychain-status");
        notice.setWrapText(true);
        notice.getStyleClass().add("keychain-status");
        Runnable show = () -> {
            KeychainStatus status = model.keychainProperty().get();
            if (status == null) {
                notice.setText("Checking the system keychain…");
                notice.getStyleClass().remove("warning");
            } else if (status.available()) {
                notice.setText("The system keychain is available.");
                notice.setGraphic(Icons.of(Feather.LOCK));
                notice.getStyleClass().remove("warning");
            } else {
                notice.setText("System keychain unavailable: " + status.reason()
                        + " Keep the secret for this session, or read it from an environment variable.");
                notice.setGraphic(Icons.of(Feather.ALERT_TRIANGLE));
                notice.getStyleClass().add("warning");
            }
        };
        model.keychainProperty().addListener((o, a, b) -> show.run());
        show.run();
        return notice;
    }

    private Node fileControl(ConnectionFormModel.Field f, String id) {
        TextField path = new TextField();
        path.setId(id);
        path.textProperty().bindBidirectional(f.valueProperty());
        Button browse = new Button("Browse…", Icons.of(Feather.FOLDER));
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(f.spec().label());
            String current = f.valueProperty().get();
            if (current != null && !current.isBlank()) {
                File parent = new File(current.strip()).getParentFile();
                if (parent != null && parent.isDirectory()) {
                    chooser.setInitialDirectory(parent);
                }
            }
            File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) {
                f.valueProperty().set(chosen.getAbsolutePath());
            }
        });
        HBox.setHgrow(path, Priority.ALWAYS);
        HBox box = new HBox(6, path, browse);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private int addRow(GridPane grid, int row, String text, boolean required, Node control, String help,
                       StringProperty problem, StringProperty hint, String problemId) {
        grid.add(label(text, required), 0, row);
        VBox cell = new VBox(3, control);
        if (help != null && !help.isEmpty()) {
            Label helpLabel = new Label(help);
            helpLabel.getStyleClass().add("field-help");
            helpLabel.setWrapText(true);
            cell.getChildren().add(helpLabel);
        }
        if (problem != null) {
            Label problemLabel = new Label(null, Icons.of(Feather.ALERT_CIRCLE));
            problemLabel.setId(problemId);
            problemLabel.getStyleClass().add("field-problem");
            problemLabel.setWrapText(true);
            problemLabel.textProperty().bind(problem);
            problemLabel.visibleProperty().bind(problem.isNotNull());
            problemLabel.managedProperty().bind(problemLabel.visibleProperty());
            cell.getChildren().add(problemLabel);
            problem.addListener((o, a, b) -> control.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), b != null));
            control.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), problem.get() != null);
        }
        if (hint != null) {
            Label hintLabel = new Label(null, Icons.of(Feather.INFO));
            hintLabel.getStyleClass().add("field-hint");
            hintLabel.setWrapText(true);
            hintLabel.textProperty().bind(hint);
            hintLabel.visibleProperty().bind(hint.isNotNull());
            hintLabel.managedProperty().bind(hintLabel.visibleProperty());
            cell.getChildren().add(hintLabel);
        }
        grid.add(cell, 1, row);
        return row + 1;
    }

    private static Label label(String text, boolean required) {
        Label label = new Label(text + (required ? " *" : ""));
        label.getStyleClass().add("field-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        label.setPadding(new Insets(5, 0, 0, 0));
        return label;
    }
}

package dev.sextant.ui.editor;

import dev.sextant.sql.ParameterType;
import dev.sextant.sql.ParameterValue;
import dev.sextant.ui.Icons;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/**
 * The small form that asks for a run's parameter values and types, filled with the last values used on
 * the connection. A value marked secret is typed hidden and is never remembered or written to history.
 */
final class ParameterForm extends VBox {

    private final GridPane grid = new GridPane();
    private final Label problem = new Label();
    private final List<Row> rows = new ArrayList<>();
    private ParameterRequest request;

    private record Row(String name, TextField plain, PasswordField hidden, ComboBox<ParameterType> type, CheckBox secret) {
        String text() {
            return secret.isSelected() ? hidden.getText() : plain.getText();
        }
    }

    ParameterForm(Runnable onCancel) {
        super(6);
        setId("parameter-form");
        getStyleClass().add("parameter-form");
        setPadding(new Insets(8, 10, 8, 10));
        Label title = new Label("Parameters", Icons.of(Feather.SLIDERS));
        title.getStyleClass().add("form-title");
        grid.setHgap(8);
        grid.setVgap(4);
        problem.setId("parameter-problem");
        problem.getStyleClass().add("danger");
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);
        Button run = new Button("Run", Icons.of(Feather.PLAY));
        run.setId("parameters-run");
        run.setDefaultButton(true);
        run.setOnAction(e -> submit());
        Button cancel = new Button("Cancel");
        cancel.setId("parameters-cancel");
        cancel.setOnAction(e -> onCancel.run());
        HBox buttons = new HBox(6, run, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, grid, problem, buttons);
        setVisible(false);
        managedProperty().bind(visibleProperty());
    }

    void show(ParameterRequest r) {
        request = r;
        grid.getChildren().clear();
        rows.clear();
        problem.setVisible(false);
        if (r == null) {
            setVisible(false);
            return;
        }
        int i = 0;
        for (ParameterValue v : r.parameters()) {
            Label name = new Label(v.name());
            name.getStyleClass().add("parameter-name");
            TextField plain = new TextField(v.secret() ? "" : v.text());
            plain.setId("param-value-" + i);
            plain.setPrefColumnCount(24);
            PasswordField hidden = new PasswordField();
            hidden.setId("param-secret-value-" + i);
            hidden.setPrefColumnCount(24);
            ComboBox<ParameterType> type = new ComboBox<>();
            type.setId("param-type-" + i);
            type.getItems().setAll(ParameterType.values());
            type.setConverter(new StringConverter<>() {
                @Override
                public String toString(ParameterType t) {
                    return t == null ? "" : t.label();
                }

                @Override
                public ParameterType fromString(String s) {
                    return null;
                }
            });
            type.setValue(v.text().isEmpty() && !v.secret() && v.type() == ParameterType.TEXT ? ParameterType.TEXT : v.type());
            plain.textProperty().addListener((o, a, b) -> {
                if ((a == null || a.isEmpty()) && type.getValue() == ParameterType.TEXT) {
                    type.setValue(ParameterType.guess(b));
                }
            });
            CheckBox secret = new CheckBox("Secret");
            secret.setId("param-secret-" + i);
            secret.setSelected(v.secret());
            hidden.visibleProperty().bind(secret.selectedProperty());
            plain.visibleProperty().bind(secret.selectedProperty().not());
            StackPane value = new StackPane(plain, hidden);
            rows.add(new Row(v.name(), plain, hidden, type, secret));
            grid.addRow(i++, name, value, type, secret);
        }
        setVisible(true);
        rows.get(0).plain().requestFocus();
    }

    private void submit() {
        List<ParameterValue> values = new ArrayList<>();
        for (Row r : rows) {
            ParameterValue v = new ParameterValue(r.name(), r.type().getValue(), r.text(), r.secret().isSelected());
            try {
                v.value();
            } catch (IllegalArgumentException e) {
                problem.setText(r.name() + ": " + e.getMessage());
                problem.setVisible(true);
                return;
            }
            values.add(v);
        }
        request.onSubmit().accept(values);
    }
}

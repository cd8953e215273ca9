package dev.sextant.ui.connections;

import dev.sextant.ui.Icons;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * A question asked inside the panel instead of a dialog: a name to type (a new or renamed folder), a
 * confirmation (delete), or a problem to read. Enter confirms, Esc closes.
 */
final class InlinePrompt extends VBox {

    private final Label title = new Label();
    private final Label message = new Label();
    private final TextField input = new TextField();
    private final Button ok = new Button();
    private final Button cancel = new Button("Cancel");

    InlinePrompt() {
        super(6);
        setId("connections-prompt");
        getStyleClass().add("inline-prompt");
        setPadding(new Insets(8, 10, 8, 10));
        title.getStyleClass().add("prompt-title");
        title.setWrapText(true);
        // wrapped on as many lines as the side panel's width needs, never cut short (a long connection name)
        title.setMinHeight(Region.USE_PREF_SIZE);
        message.setId("prompt-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("prompt-message");
        input.setId("prompt-input");
        ok.setId("prompt-ok");
        ok.setDefaultButton(false);
        cancel.setId("prompt-cancel");
        cancel.setOnAction(e -> hide());
        input.textProperty().addListener((o, a, b) -> {
            if (message.getStyleClass().contains("danger")) {
                message.setText(null);
            }
        });
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                ok.fire();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                hide();
                e.consume();
            }
        });
        setVisible(false);
        managedProperty().bind(visibleProperty());
    }

    void hide() {
        setVisible(false);
    }

    /** Asks for a name; {@code check} says what is wrong with it (shown as typed), {@code onOk} gets a good one. */
    void askName(String question, String initial, String okText, Function<String, Optional<String>> check, Consumer<String> onOk) {
        title.setText(question);
        title.setGraphic(Icons.of(Feather.FOLDER));
        input.setText(initial);
        message.setText(null);
        message.getStyleClass().remove("danger");
        ok.setText(okText);
        ok.getStyleClass().remove("danger");
        ok.setOnAction(e -> {
            Optional<String> problem = check.apply(input.getText());
            if (problem.isPresent()) {
                message.setText(problem.get());
                if (!message.getStyleClass().contains("danger")) {
                    message.getStyleClass().add("danger");
                }
                return;
            }
            hide();
            onOk.accept(input.getText().strip());
        });
        HBox buttons = new HBox(6, ok, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(input, Priority.ALWAYS);
        getChildren().setAll(title, input, message, buttons);
        getStyleClass().remove("problem");
        setVisible(true);
        input.requestFocus();
        input.selectAll();
    }

    /** Asks to confirm something that cannot be undone. */
    void confirm(String question, String detail, String okText, Runnable onOk) {
        title.setText(question);
        title.setGraphic(Icons.of(Feather.TRASH_2));
        message.setText(detail);
        message.getStyleClass().remove("danger");
        ok.setText(okText);
        if (!ok.getStyleClass().contains("danger")) {
            ok.getStyleClass().add("danger");
        }
        ok.setOnAction(e -> {
            hide();
            ok.getStyleClass().remove("danger");
            onOk.run();
        });
        HBox buttons = new HBox(6, ok, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().setAll(title, message, buttons);
        getStyleClass().remove("problem");
        setVisible(true);
        ok.requestFocus();
    }

    /** Says what went wrong, with a button to close the message. */
    void problem(String text) {
        title.setText(text);
        title.setGraphic(Icons.of(Feather.ALERT_TRIANGLE));
        Button close = new Button("Close");
        close.setId("prompt-close");
        close.setOnAction(e -> hide());
        HBox buttons = new HBox(6, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().setAll(title, buttons);
        if (!getStyleClass().contains("problem")) {
            getStyleClass().add("problem");
        }
        setVisible(true);
    }
}

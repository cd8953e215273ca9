package dev.sextant.ui.editor;

import dev.sextant.ui.Icons;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.fxmisc.richtext.CodeArea;
import org.kordamp.ikonli.feather.Feather;

/** Find and replace in the editor (Ctrl+F, Ctrl+H): next, previous, replace one, replace all, match case. */
final class FindBar extends HBox {

    private final CodeArea editor;
    private final TextField find = new TextField();
    private final TextField replace = new TextField();
    private final CheckBox matchCase = new CheckBox("Match case");
    private final Label result = new Label();

    FindBar(CodeArea editor) {
        super(6);
        this.editor = editor;
        setId("find-bar");
        getStyleClass().add("find-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        find.setId("find-text");
        find.setPromptText("Find");
        replace.setId("replace-text");
        replace.setPromptText("Replace with");
        Button next = new Button(null, Icons.of(Feather.ARROW_DOWN));
        next.setId("find-next");
        next.setOnAction(e -> findNext(true));
        Button previous = new Button(null, Icons.of(Feather.ARROW_UP));
        previous.setOnAction(e -> findNext(false));
        Button one = new Button("Replace");
        one.setId("replace-one");
        one.setOnAction(e -> replaceOne());
        Button all = new Button("Replace all");
        all.setId("replace-all");
        all.setOnAction(e -> replaceAll());
        Button close = new Button(null, Icons.of(Feather.X));
        close.setOnAction(e -> hide());
        result.getStyleClass().add("text-muted");
        find.setOnAction(e -> findNext(true));
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                hide();
                e.consume();
            }
        });
        getChildren().addAll(Icons.of(Feather.SEARCH), find, previous, next, replace, one, all, matchCase, result, close);
        setVisible(false);
        managedProperty().bind(visibleProperty());
    }

    void show(boolean withReplace) {
        setVisible(true);
        replace.setVisible(true);
        String selected = editor.getSelectedText();
        if (!selected.isEmpty() && !selected.contains("\n")) {
            find.setText(selected);
        }
        (withReplace && !find.getText().isEmpty() ? replace : find).requestFocus();
        find.selectAll();
    }

    void hide() {
        setVisible(false);
        editor.requestFocus();
    }

    private Pattern pattern() {
        return Pattern.compile(Pattern.quote(find.getText()), matchCase.isSelected() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Selects the next (or previous) match after the caret, wrapping around; returns whether one was found. */
    boolean findNext(boolean forward) {
        if (find.getText().isEmpty()) {
            return false;
        }
        String text = editor.getText();
        Matcher m = pattern().matcher(text);
        int from = forward ? editor.getSelection().getEnd() : editor.getSelection().getStart();
        int start = -1;
        int end = -1;
        if (forward) {
            if (m.find(Math.min(from, text.length())) || m.find(0)) {
                start = m.start();
                end = m.end();
            }
        } else {
            while (m.find()) {
                if (m.start() < from || start < 0) {
                    start = m.start();
                    end = m.end();
                }
                if (m.start() >= from && start >= 0 && start < from) {
                    break;
                }
            }
        }
        if (start < 0) {
            result.setText("No match");
            return false;
        }
        result.setText("");
        editor.selectRange(start, end);
        editor.requestFollowCaret();
        return true;
    }

    void replaceOne() {
        String selected = editor.getSelectedText();
        boolean matches = matchCase.isSelected() ? selected.equals(find.getText())
                : selected.toLowerCase(Locale.ROOT).equals(find.getText().toLowerCase(Locale.ROOT));
        if (!selected.isEmpty() && matches) {
            editor.replaceSelection(replace.getText());
        }
        findNext(true);
    }

    int replaceAll() {
        if (find.getText().isEmpty()) {
            return 0;
        }
        Matcher m = pattern().matcher(editor.getText());
        int count = 0;
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(replace.getText()));
            count++;
        }
        m.appendTail(sb);
        if (count > 0) {
            editor.replaceText(sb.toString());
        }
        result.setText(count + (count == 1 ? " replaced" : " replaced"));
        return count;
    }

    TextField findField() {
        return find;
    }

    TextField replaceField() {
        return replace;
    }
}

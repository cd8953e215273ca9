package dev.sextant.ui.editor;

import dev.sextant.sql.Completion;
import dev.sextant.sql.Completions;
import dev.sextant.sql.HighlightSpan;
import dev.sextant.sql.LineComments;
import dev.sextant.sql.SqlCompleter;
import dev.sextant.sql.SqlFormatter;
import dev.sextant.sql.SqlHighlighter;
import dev.sextant.sql.Syntax;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskExecutor;
import dev.sextant.ui.window.MonoFont;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The SQL text area: highlighting for the tab's dialect, computed off the JavaFX thread once typing
 * pauses (only the newest result is applied), autocomplete on Ctrl+Space and after a dot, Ctrl+/ to
 * comment lines, Ctrl+Shift+F to format, and an error mark that survives re-highlighting until the
 * text changes.
 */
public final class SqlEditor extends CodeArea {

    /** Control+Space on every system: Command+Space is the system's own search on macOS. */
    static final KeyCombination COMPLETE = new KeyCodeCombination(KeyCode.SPACE, KeyCombination.CONTROL_DOWN);
    static final KeyCombination COMMENT = new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FORMAT = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final String ERROR_MARK = "error-mark";
    private static final Duration HIGHLIGHT_PAUSE = Duration.ofMillis(120);

    private final Syntax syntax;
    private final TaskExecutor executor;
    private final Supplier<SqlCompleter> completer;
    private final CompletionPopup popup = new CompletionPopup();
    private long version;
    private long highlightedVersion = -1;
    private int errorFrom = -1;
    private int errorTo = -1;
    private int completionFrom;
    private long completionSequence;

    /** @param completer the autocomplete of the tab's connection, asked each time the list opens */
    public SqlEditor(Syntax syntax, TaskExecutor executor, Supplier<SqlCompleter> completer) {
        this.syntax = syntax;
        this.executor = executor;
        this.completer = completer;
        setId("sql-editor");
        getStyleClass().add("sql-editor");
        setParagraphGraphicFactory(LineNumberFactory.get(this));
        plainTextChanges().subscribe(change -> {
            version++;
            clearErrorMark();
            if (popup.isShowing()) {
                String inserted = change.getInserted();
                boolean wordy = inserted.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '.');
                if (wordy || !change.getRemoved().isEmpty() && inserted.isEmpty()) {
                    showCompletions();
                } else {
                    popup.hide();
                }
            }
        });
        multiPlainChanges().successionEnds(HIGHLIGHT_PAUSE).subscribe(changes -> highlight());
        addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if (".".equals(e.getCharacter()) && !popup.isShowing()) {
                showCompletions();
            }
        });
        // the list may get the keys while it shows (a popup window can take the focus on some platforms)
        popup.list().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.TAB) {
                acceptCompletion();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
                e.consume();
            }
        });
        popup.list().setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                acceptCompletion();
            }
        });
    }

    public Syntax syntax() {
        return syntax;
    }

    private void keyPressed(KeyEvent e) {
        if (popup.isShowing()) {
            switch (e.getCode()) {
                case UP -> popup.move(-1);
                case DOWN -> popup.move(1);
                case PAGE_UP -> popup.move(-8);
                case PAGE_DOWN -> popup.move(8);
                case ENTER, TAB -> acceptCompletion();
                case ESCAPE -> popup.hide();
                default -> {
                    return;
                }
            }
            e.consume();
            return;
        }
        if (COMPLETE.match(e)) {
            showCompletions();
            e.consume();
        } else if (COMMENT.match(e)) {
            toggleComments();
            e.consume();
        } else if (FORMAT.match(e)) {
            format();
            e.consume();
        }
    }

    // ----- highlighting

    /** Computes the highlighting of the current text in the background and applies it if the text is unchanged. */
    public void highlight() {
        String text = getText();
        long v = version;
        BackgroundTask.wrap(p -> SqlHighlighter.highlight(text, syntax))
                .onSuccess(spans -> {
                    if (v == version && getLength() == text.length()) {
                        apply(spans);
                        highlightedVersion = v;
                    }
                })
                .executeWith(executor);
    }

    /** Whether the highlighting shown belongs to the current text (for tests and the status). */
    public boolean highlightingCurrent() {
        return highlightedVersion == version;
    }

    private void apply(List<HighlightSpan> spans) {
        if (getLength() == 0) {
            return;
        }
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int covered = 0;
        for (HighlightSpan s : spans) {
            List<String> classes = new ArrayList<>(2);
            if (!s.style().isEmpty()) {
                classes.add(s.style());
            }
            builder.add(classes, s.length());
            covered += s.length();
        }
        if (covered < getLength()) {
            builder.add(List.of(), getLength() - covered);
        }
        setStyleSpans(0, builder.create());
        overlayErrorMark();
    }

    // ----- error mark

    /** Underlines the word at {@code position} and puts the caret there. */
    public void markError(int position) {
        int length = getLength();
        if (length == 0) {
            return;
        }
        int from = Math.max(0, Math.min(position, length - 1));
        String text = getText();
        int to = from;
        while (to < length && !Character.isWhitespace(text.charAt(to)) && text.charAt(to) != ',' && text.charAt(to) != ';') {
            to++;
        }
        if (to == from) {
            to = Math.min(length, from + 1);
        }
        errorFrom = from;
        errorTo = to;
        overlayErrorMark();
        moveTo(from);
        requestFollowCaret();
    }

    private void overlayErrorMark() {
        if (errorFrom < 0 || errorTo > getLength()) {
            return;
        }
        StyleSpans<Collection<String>> current = getStyleSpans(errorFrom, errorTo);
        setStyleSpans(errorFrom, current.mapStyles(styles -> {
            List<String> with = new ArrayList<>(styles);
            if (!with.contains(ERROR_MARK)) {
                with.add(ERROR_MARK);
            }
            return with;
        }));
    }

    private void clearErrorMark() {
        if (errorFrom < 0) {
            return;
        }
        errorFrom = -1;
        errorTo = -1;
        if (getLength() > 0) {
            setStyleSpans(0, getStyleSpans(0, getLength()).mapStyles(styles -> {
                if (!styles.contains(ERROR_MARK)) {
                    return styles;
                }
                List<String> without = new ArrayList<>(styles);
                without.remove(ERROR_MARK);
                return without;
            }));
        }
    }

    // ----- autocomplete

    /** Opens (or refreshes) the autocomplete list for the caret, computed in the background. */
    public void showCompletions() {
        SqlCompleter c = completer.get();
        if (c == null) {
            return;
        }
        String text = getText();
        int caret = getCaretPosition();
        long sequence = ++completionSequence;
        BackgroundTask.wrap(p -> c.complete(text, caret))
                .onSuccess(result -> {
                    if (sequence == completionSequence && getCaretPosition() == caret && getLength() == text.length()) {
                        showCompletions(result);
                    }
                })
                .executeWith(executor);
    }

    private void showCompletions(Completions result) {
        if (result.items().isEmpty()) {
            popup.hide();
            return;
        }
        completionFrom = result.replaceFrom();
        popup.list().getItems().setAll(result.items());
        popup.list().getSelectionModel().select(0);
        popup.list().scrollTo(0);
        if (!popup.isShowing()) {
            Bounds caret = getCaretBounds().orElse(null);
            if (caret == null || getScene() == null) {
                return;
            }
            popup.list().getStylesheets().setAll(getScene().getStylesheets());
            MonoFont.use(popup.list());
            popup.show(this, caret.getMinX(), caret.getMaxY() + 2);
        }
    }

    /** The autocomplete list, while it shows. */
    public List<Completion> completions() {
        return popup.isShowing() ? List.copyOf(popup.list().getItems()) : List.of();
    }

    public boolean completionsShowing() {
        return popup.isShowing();
    }

    /** Replaces the word being typed with the selected suggestion. */
    public void acceptCompletion() {
        Completion chosen = popup.list().getSelectionModel().getSelectedItem();
        popup.hide();
        if (chosen != null) {
            int caret = getCaretPosition();
            replaceText(Math.min(completionFrom, caret), caret, chosen.insert());
        }
    }

    public void hideCompletions() {
        popup.hide();
    }

    // ----- editing commands

    /** Comments the selected lines (or the caret's line) with {@code --}, or uncomments them. */
    public void toggleComments() {
        int start = getSelection().getStart();
        int end = getSelection().getEnd();
        LineComments.Edit edit = LineComments.toggle(getText(), start, end);
        replaceText(edit.from(), edit.to(), edit.replacement());
        if (end > start) {
            selectRange(edit.from(), edit.from() + edit.replacement().length());
        }
    }

    /** Formats the selection, or the whole text. */
    public void format() {
        if (getSelection().getLength() > 0) {
            int start = getSelection().getStart();
            String formatted = SqlFormatter.format(getSelectedText(), syntax);
            replaceSelection(formatted);
            selectRange(start, start + formatted.length());
        } else {
            replaceText(SqlFormatter.format(getText(), syntax));
        }
    }
}

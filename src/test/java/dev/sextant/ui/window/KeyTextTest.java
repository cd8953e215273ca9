package dev.sextant.ui.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

class KeyTextTest {

    private static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND_OBJECT = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination FILTER = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.ALT_DOWN);
    private static final KeyCombination COMPLETE = new KeyCodeCombination(KeyCode.SPACE, KeyCombination.CONTROL_DOWN);
    private static final KeyCombination NEXT_PAGE = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN);
    private static final KeyCombination COMMENT = new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN);

    @Test
    void linuxAndWindowsNameTheShortcutKeyCtrl() {
        assertThat(KeyText.of(RUN, false)).isEqualTo("Ctrl+Enter");
        assertThat(KeyText.of(FIND_OBJECT, false)).isEqualTo("Ctrl+Shift+O");
        assertThat(KeyText.of(FILTER, false)).isEqualTo("Ctrl+Alt+F");
        assertThat(KeyText.of(COMPLETE, false)).isEqualTo("Ctrl+Space");
        assertThat(KeyText.of(NEXT_PAGE, false)).isEqualTo("Alt+Right");
        assertThat(KeyText.of(COMMENT, false)).isEqualTo("Ctrl+/");
        assertThat(KeyText.of(new KeyCodeCombination(KeyCode.F5), false)).isEqualTo("F5");
    }

    @Test
    void macOsNamesTheShortcutKeyCommandWithApplesSymbolsAndOrder() {
        assertThat(KeyText.of(RUN, true)).isEqualTo("⌘↩");
        assertThat(KeyText.of(FIND_OBJECT, true)).isEqualTo("⇧⌘O");
        assertThat(KeyText.of(FILTER, true)).isEqualTo("⌥⌘F");
        // Autocomplete is bound to Control itself, so that it stays clear of the system's Command+Space.
        assertThat(KeyText.of(COMPLETE, true)).isEqualTo("⌃Space");
        assertThat(KeyText.of(NEXT_PAGE, true)).isEqualTo("⌥→");
        assertThat(KeyText.of(COMMENT, true)).isEqualTo("⌘/");
    }

    @Test
    void theRunningSystemsFormIsTheOneOfItsName() {
        boolean mac = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("mac");
        assertThat(KeyText.of(FIND_OBJECT)).isEqualTo(KeyText.of(FIND_OBJECT, mac));
        assertThat(KeyText.of(RUN, FIND_OBJECT)).isEqualTo(KeyText.of(RUN, mac) + ", " + KeyText.of(FIND_OBJECT, mac));
    }

    /** A hint written out as "Ctrl+…" would name a key that does nothing on a Mac; hints go through KeyText. */
    @Test
    void noTextOfTheWindowSpellsAShortcutOut() throws IOException {
        Pattern literal = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
        Pattern spelled = Pattern.compile("\\b(Ctrl|Cmd|Alt|Shift)\\+");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/sextant/ui"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("KeyText.java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                        continue;
                    }
                    Matcher strings = literal.matcher(line);
                    while (strings.find()) {
                        if (spelled.matcher(strings.group()).find()) {
                            found.add(file.getFileName() + ":" + (i + 1) + " " + strings.group());
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}

package dev.sextant.ui.window;

import java.util.Locale;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCombination.ModifierValue;

/**
 * A key combination as the hints, tooltips and prompts name it, in the form of the system the window runs
 * on: {@code Ctrl+Shift+O} on Linux and Windows, {@code ⇧⌘O} on macOS, where the shortcut key is Command.
 * The window's shortcuts are bound with JavaFX's shortcut modifier, so a hint written as "Ctrl+T" would
 * name a key that does nothing on a Mac. Menus need none of this: JavaFX writes their accelerators itself.
 */
public final class KeyText {

    private static final boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");

    private KeyText() {
    }

    /** The combination as this system writes it. */
    public static String of(KeyCombination keys) {
        return of(keys, MAC);
    }

    /** Several combinations, for example "Ctrl+F, Ctrl+H". */
    public static String of(KeyCombination first, KeyCombination second) {
        return of(first) + ", " + of(second);
    }

    /** The combination as macOS ({@code mac}) or the other systems write it. */
    static String of(KeyCombination keys, boolean mac) {
        boolean command = down(keys.getShortcut()) && mac || down(keys.getMeta());
        boolean control = down(keys.getControl()) || down(keys.getShortcut()) && !mac;
        boolean alt = down(keys.getAlt());
        boolean shift = down(keys.getShift());
        String key = keys instanceof KeyCodeCombination code ? keyName(code.getCode(), mac) : keys.getName();
        StringBuilder text = new StringBuilder();
        if (mac) {
            // Apple's order: Control, Option, Shift, Command, then the key, with no separator.
            text.append(control ? "⌃" : "").append(alt ? "⌥" : "").append(shift ? "⇧" : "").append(command ? "⌘" : "");
            return text.append(key).toString();
        }
        text.append(control ? "Ctrl+" : "").append(alt ? "Alt+" : "").append(shift ? "Shift+" : "")
                .append(command ? "Meta+" : "");
        return text.append(key).toString();
    }

    private static boolean down(ModifierValue value) {
        return value == ModifierValue.DOWN;
    }

    private static String keyName(KeyCode code, boolean mac) {
        return switch (code) {
            case ENTER -> mac ? "↩" : "Enter";
            case ESCAPE -> mac ? "⎋" : "Esc";
            case LEFT -> mac ? "←" : "Left";
            case RIGHT -> mac ? "→" : "Right";
            case UP -> mac ? "↑" : "Up";
            case DOWN -> mac ? "↓" : "Down";
            case SLASH -> "/";
            case SPACE -> "Space";
            default -> code.getName();
        };
    }
}

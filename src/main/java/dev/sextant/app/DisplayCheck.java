package dev.sextant.app;

import java.util.Locale;
import java.util.Map;

/**
 * Whether this session can show a window at all. On Linux, JavaFX needs an X display (or a Wayland one that
 * offers X); without either it fails with a bare "Unable to open DISPLAY" stack trace. macOS and Windows
 * sessions always have their desktop.
 */
public final class DisplayCheck {

    /** What the launcher says, instead of a stack trace, when it is asked for the window without a display. */
    public static final String NO_DISPLAY = "Sextant's window needs a desktop session, and this one has no display"
            + " (DISPLAY and WAYLAND_DISPLAY are unset). The command line works without one: run 'sextant --help'.";

    private DisplayCheck() {
    }

    /** True when {@code osName} is Linux and {@code env} names no display. */
    public static boolean missing(String osName, Map<String, String> env) {
        boolean linux = osName.toLowerCase(Locale.ROOT).contains("linux");
        return linux && blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package dev.sextant.ui.window;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the operating system asks for dark applications, where it can be read without native code:
 * GNOME's (and most Linux desktops') colour-scheme or GTK theme setting, macOS's appearance, and Windows'
 * app mode in the registry. Runs small processes: call off the JavaFX thread. Empty when it cannot tell.
 */
public final class SystemTheme {

    private static final Logger LOG = LoggerFactory.getLogger(SystemTheme.class);

    private SystemTheme() {
    }

    /** True for dark, false for light, empty when the system does not say. */
    public static Optional<Boolean> prefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        try {
            if (os.contains("mac")) {
                // the key exists, with "Dark", only in dark mode; the command fails in light mode
                return Optional.of(run("defaults", "read", "-g", "AppleInterfaceStyle").map(SystemTheme::macDark).orElse(false));
            } else if (os.contains("win")) {
                return run("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                        "/v", "AppsUseLightTheme").flatMap(SystemTheme::windowsDark);
            }
            Optional<Boolean> fromEnv = gtkThemeDark(System.getenv());
            if (fromEnv.isPresent()) {
                return fromEnv;
            }
            Optional<Boolean> scheme = run("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")
                    .flatMap(SystemTheme::gnomeColorSchemeDark);
            if (scheme.isPresent()) {
                return scheme;
            }
            return run("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme").flatMap(SystemTheme::gtkThemeNameDark);
        } catch (RuntimeException e) {
            LOG.debug("Could not read the system theme: {}", e.getMessage());
            return Optional.empty();
        }
    }

    static boolean macDark(String output) {
        return output.strip().equalsIgnoreCase("Dark");
    }

    /** {@code AppsUseLightTheme    REG_DWORD    0x0} means dark. */
    static Optional<Boolean> windowsDark(String output) {
        for (String line : output.lines().toList()) {
            if (line.contains("AppsUseLightTheme")) {
                return Optional.of(line.strip().endsWith("0x0"));
            }
        }
        return Optional.empty();
    }

    /** GNOME 42+: {@code 'prefer-dark'}, {@code 'prefer-light'} or {@code 'default'} (which says nothing). */
    static Optional<Boolean> gnomeColorSchemeDark(String output) {
        String value = output.strip().replace("'", "");
        return switch (value) {
            case "prefer-dark" -> Optional.of(true);
            case "prefer-light" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** A GTK theme named like "Adwaita-dark" or "Yaru-dark". */
    static Optional<Boolean> gtkThemeNameDark(String output) {
        String value = output.strip().replace("'", "").toLowerCase(Locale.ROOT);
        return value.isEmpty() ? Optional.empty() : Optional.of(value.endsWith("-dark") || value.endsWith(":dark"));
    }

    /** {@code GTK_THEME=Adwaita:dark} forces a variant for GTK applications. */
    static Optional<Boolean> gtkThemeDark(Map<String, String> env) {
        String theme = env.get("GTK_THEME");
        return theme == null || theme.isBlank() ? Optional.empty() : gtkThemeNameDark(theme);
    }

    private static Optional<String> run(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                if (!p.waitFor(2, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return Optional.empty();
                }
                String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty(); // the command is not there: the system does not say
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

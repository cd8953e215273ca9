package dev.sextant.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Sextant keeps its data: the per-user application folder of the OS, unless the {@code --home}
 * flag or the {@code SEXTANT_HOME} environment variable says otherwise (in that order).
 */
public record AppPaths(Path home) {

    public static final String HOME_ENV = "SEXTANT_HOME";
    public static final String HOME_PROPERTY = "sextant.home";

    /** Resolves the data folder from the flag (as a system property), the environment, then the OS default. */
    public static AppPaths resolve(Map<String, String> env) {
        String flag = System.getProperty(HOME_PROPERTY);
        if (flag != null && !flag.isBlank()) {
            return new AppPaths(Path.of(flag).toAbsolutePath());
        }
        String fromEnv = env.get(HOME_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new AppPaths(Path.of(fromEnv).toAbsolutePath());
        }
        return new AppPaths(osDefault(System.getProperty("os.name", ""), System.getProperty("user.home"), env));
    }

    static Path osDefault(String osName, String userHome, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "Sextant") : Path.of(userHome, "AppData", "Roaming", "Sextant");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Sextant");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "sextant") : Path.of(userHome, ".local", "share", "sextant");
    }

    public Path sampleDir() {
        return home.resolve("sample");
    }

    /** The sample database's path without H2's {@code .mv.db} suffix. */
    public Path sampleDatabase() {
        return sampleDir().resolve("sextant-sample");
    }

    /** The local store (saved connections, history, window state) and its backups. */
    public Path store() {
        return home.resolve("store");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    /** Temporary files such as spilled result pages; emptied at each start. */
    public Path temp() {
        return home.resolve("tmp");
    }
}

package dev.sextant.ui;

import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.query.ProgressListener;
import dev.sextant.query.Workspace;
import java.util.List;

/**
 * What the composition root hands the user interface: the services, and the start-up work (such as
 * creating the sample database) that runs in the background while the window is already visible.
 */
public record UiContext(Workspace workspace, StartupWork startup, String version) {

    /** Blocking start-up work; returns the connections to show. */
    @FunctionalInterface
    public interface StartupWork {
        List<ExternalDatabaseConfig> run(ProgressListener progress) throws Exception;
    }
}

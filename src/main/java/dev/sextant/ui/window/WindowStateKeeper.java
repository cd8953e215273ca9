package dev.sextant.ui.window;

import dev.sextant.store.UiStateStore;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskExecutor;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores the window as it was at the last close (once the store is open), applies and remembers the
 * theme, and saves the state when the window closes. The theme "follow the system" asks the operating
 * system in the background. A window placed on a screen that is gone opens at its default place.
 */
public final class WindowStateKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(WindowStateKeeper.class);

    /** The window whose state is kept. */
    public interface Host {
        /** The stage, or null before the window is shown. */
        Stage stage();

        WindowState capture(Stage stage);

        /** Puts back what the stage does not hold: splits, selection, open connections. */
        void apply(WindowState state);
    }

    private record Restored(Optional<WindowState> state, Optional<Boolean> systemDark) {
    }

    private final Host host;
    private final Supplier<UiStateStore> store;
    private final TaskExecutor executor;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.SYSTEM);
    private boolean restored;

    public WindowStateKeeper(Host host, Supplier<UiStateStore> store, TaskExecutor executor) {
        this.host = host;
        this.store = store;
        this.executor = executor;
    }

    public Theme theme() {
        return theme.get();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Switches the theme now; "follow the system" reads the system's choice in the background. */
    public void chooseTheme(Theme chosen) {
        theme.set(chosen);
        switch (chosen) {
            case LIGHT -> Theme.applyDark(false);
            case DARK -> Theme.applyDark(true);
            case SYSTEM -> BackgroundTask.wrap(p -> SystemTheme.prefersDark())
                    .onSuccess(dark -> {
                        if (theme.get() == Theme.SYSTEM) {
                            Theme.applyDark(dark.orElse(false));
                        }
                    })
                    .executeWith(executor);
        }
    }

    /** Reads the saved state and puts the window back as it was; only the first call does anything. */
    public void restoreOnce() {
        if (restored) {
            return;
        }
        restored = true;
        BackgroundTask.wrap(p -> {
                    UiStateStore s = store.get();
                    Optional<WindowState> state = s == null ? Optional.empty() : new WindowStateStore(s).read();
                    boolean followSystem = state.map(w -> w.theme() == Theme.SYSTEM).orElse(true);
                    return new Restored(state, followSystem ? SystemTheme.prefersDark() : Optional.empty());
                })
                .onSuccess(r -> {
                    Theme chosen = r.state().map(WindowState::theme).orElse(Theme.SYSTEM);
                    theme.set(chosen);
                    Theme.applyDark(chosen == Theme.DARK || chosen == Theme.SYSTEM && r.systemDark().orElse(false));
                    r.state().ifPresent(this::apply);
                })
                .onFailure(e -> LOG.warn("The window state could not be restored: {}", e.getMessage()))
                .executeWith(executor);
    }

    private void apply(WindowState state) {
        Stage stage = host.stage();
        if (stage != null && state.width() > 200 && state.height() > 200) {
            Rectangle2D bounds = new Rectangle2D(state.x(), state.y(), state.width(), state.height());
            boolean visible = Screen.getScreens().stream().anyMatch(s -> s.getVisualBounds().intersects(bounds));
            if (visible) {
                stage.setX(state.x());
                stage.setY(state.y());
                stage.setWidth(state.width());
                stage.setHeight(state.height());
            }
            stage.setMaximized(state.maximized());
        }
        host.apply(state);
    }

    /**
     * Writes the current state. Called as the window closes; the write happens on a worker thread and this
     * waits for it (at most a few seconds), so the JavaFX thread itself does no I/O.
     */
    public void save() {
        Stage stage = host.stage();
        UiStateStore s = store.get();
        if (stage == null || s == null) {
            return;
        }
        WindowState state = host.capture(stage);
        Thread writer = new Thread(() -> {
            try {
                new WindowStateStore(s).write(state);
            } catch (RuntimeException e) {
                LOG.warn("The window state could not be saved: {}", e.getMessage());
            }
        }, "sextant-window-state");
        writer.start();
        try {
            writer.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.sextant.ui.window;

import dev.sextant.store.UiStateStore;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores the window as it was at the last close (once the store is open), applies and remembers the
 * theme, and saves the state when the window closes. The theme "follow the system" asks the operating
 * system in the background, and asks again whenever the window gets the focus and every half minute, so
 * that a change of the system's appearance reaches an open window. A window placed on a screen that is
 * gone opens at its default place.
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
    private final Supplier<Optional<Boolean>> systemDark;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.SYSTEM);
    private final Timeline systemWatch;
    private boolean restored;
    private boolean checkingSystem;
    /** Whether the dark look is applied now; null before this keeper applied one. */
    private Boolean appliedDark;

    public WindowStateKeeper(Host host, Supplier<UiStateStore> store, TaskExecutor executor) {
        this(host, store, executor, SystemTheme::prefersDark, Duration.seconds(30));
    }

    /**
     * With the system's choice read by {@code systemDark} (blocking, called on a worker) and read again
     * every {@code interval} while the window shows.
     */
    WindowStateKeeper(Host host, Supplier<UiStateStore> store, TaskExecutor executor,
                      Supplier<Optional<Boolean>> systemDark, Duration interval) {
        this.host = host;
        this.store = store;
        this.executor = executor;
        this.systemDark = systemDark;
        systemWatch = new Timeline(new KeyFrame(interval, e -> recheckSystem()));
        systemWatch.setCycleCount(Animation.INDEFINITE);
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
            case LIGHT -> show(false);
            case DARK -> show(true);
            case SYSTEM -> readSystem(dark -> show(dark.orElse(false)), () -> { });
        }
    }

    /**
     * Reads the system's choice in the background and hands it to {@code apply} if the theme still follows
     * the system by then; {@code done} runs afterwards in every case.
     */
    private void readSystem(Consumer<Optional<Boolean>> apply, Runnable done) {
        BackgroundTask.wrap(p -> systemDark.get())
                .onSuccess(dark -> {
                    done.run();
                    if (theme.get() == Theme.SYSTEM) {
                        apply.accept(dark);
                    }
                })
                .onFailure(e -> done.run())
                .executeWith(executor);
    }

    /** Applies the look unless it is already the one shown: restyling every window is not free. */
    private void show(boolean dark) {
        if (appliedDark == null || appliedDark != dark) {
            Theme.applyDark(dark);
            appliedDark = dark;
        }
    }

    /**
     * While the theme follows the system, reads the system's choice again and applies it if it changed;
     * a system that says nothing leaves the look as it is. At most one read runs at a time.
     */
    void recheckSystem() {
        if (theme.get() != Theme.SYSTEM || checkingSystem) {
            return;
        }
        checkingSystem = true;
        readSystem(dark -> dark.ifPresent(this::show), () -> checkingSystem = false);
    }

    /** Reads the system's choice again when the window gets the focus and every half minute, while it shows. */
    private void watchSystem(Stage stage) {
        stage.focusedProperty().addListener((o, was, focused) -> {
            if (focused) {
                recheckSystem();
            }
        });
        stage.showingProperty().addListener((o, was, showing) -> {
            if (showing) {
                systemWatch.play();
            } else {
                systemWatch.stop();
            }
        });
        if (stage.isShowing()) {
            systemWatch.play();
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
                    return new Restored(state, followSystem ? systemDark.get() : Optional.empty());
                })
                .onSuccess(r -> {
                    Theme chosen = r.state().map(WindowState::theme).orElse(Theme.SYSTEM);
                    theme.set(chosen);
                    show(chosen == Theme.DARK || chosen == Theme.SYSTEM && r.systemDark().orElse(false));
                    r.state().ifPresent(this::apply);
                    Stage stage = host.stage();
                    if (stage != null) {
                        watchSystem(stage);
                    }
                })
                .onFailure(e -> LOG.warn("The window state could not be restored: {}", e.getMessage()))
                .executeWith(executor);
    }

    private void apply(WindowState state) {
        Stage stage = host.stage();
        if (stage != null && state.width() > 200 && state.height() > 200) {
            Rectangle2D saved = new Rectangle2D(state.x(), state.y(), state.width(), state.height());
            List<Rectangle2D> screens = new ArrayList<>();
            screens.add(Screen.getPrimary().getVisualBounds());
            Screen.getScreens().stream().filter(s -> !s.equals(Screen.getPrimary())).map(Screen::getVisualBounds).forEach(screens::add);
            WindowPlacement.fit(saved, screens).ifPresent(bounds -> {
                stage.setX(bounds.getMinX());
                stage.setY(bounds.getMinY());
                stage.setWidth(bounds.getWidth());
                stage.setHeight(bounds.getHeight());
            });
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

package dev.sextant.ui;

import java.util.Optional;

/**
 * Start-up could not finish, for a reason the user must read (for example the store is damaged or
 * Sextant is already running). It may offer one way out, such as starting from the latest backup.
 */
public class StartupProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient UiContext.StartupWork recovery;
    private final String recoveryLabel;

    public StartupProblem(String message, String recoveryLabel, UiContext.StartupWork recovery, Throwable cause) {
        super(message, cause);
        this.recoveryLabel = recoveryLabel;
        this.recovery = recovery;
    }

    public StartupProblem(String message, Throwable cause) {
        this(message, null, null, cause);
    }

    /** The label of the way out (e.g. "Start from the latest backup") and the work it runs instead of start-up. */
    public Optional<UiContext.StartupWork> recovery() {
        return Optional.ofNullable(recovery);
    }

    public String recoveryLabel() {
        return recoveryLabel;
    }
}

package dev.sextant.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The local store could not be used. The message says what happened and what to do; {@link #latestBackup()}
 * is offered when starting from a backup could help.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the store cannot be used. */
    public enum Problem {
        ALREADY_RUNNING, UNREADABLE, NEWER_VERSION, UNWRITABLE, MIGRATION_FAILED, INTERNAL
    }

    private final Problem problem;
    private final transient Path latestBackup;

    public StoreException(Problem problem, String message, Path latestBackup, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.latestBackup = latestBackup;
    }

    public Problem problem() {
        return problem;
    }

    /** The newest backup of the store, when starting from it is an option. */
    public Optional<Path> latestBackup() {
        return Optional.ofNullable(latestBackup);
    }
}

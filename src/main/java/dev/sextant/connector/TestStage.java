package dev.sextant.connector;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a connection test, e.g. "Open connection" or "Run a query", with how long it took.
 *
 * @param message what was found (on success) or what to fix (on failure)
 */
public record TestStage(String name, boolean passed, Duration duration, String message) {
    public TestStage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(duration, "duration");
        message = message == null ? "" : message;
    }
}

package dev.sextant.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A failure the command line reports in one line and turns into its exit code. */
public class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    static CliException notFound(String message) {
        return new CliException(ExitCode.NOT_FOUND, message);
    }

    /**
     * A file that could not be read or written, said in words: Java's own message for a missing folder
     * or a refused permission is the bare path.
     */
    static CliException file(String what, Path file, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "there is no such file or folder";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            reason = f.getReason();
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new CliException(ExitCode.FAILED, "Could not " + what + " " + file + ": " + reason + ".", e);
    }
}

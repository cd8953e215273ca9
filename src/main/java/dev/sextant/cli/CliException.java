package dev.sextant.cli;

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
}

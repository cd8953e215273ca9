package dev.sextant.cli;

/**
 * The exit codes scripts can rely on. They are part of the command line's contract (README, "Command
 * line"): a new failure reuses the closest code rather than adding one.
 */
public final class ExitCode {

    /** Done; for {@code connections test}, every connection worked. */
    public static final int OK = 0;
    /** The database or the connection failed: bad SQL, a refused log-in, a failed connection test. */
    public static final int FAILED = 1;
    /** The command line itself was wrong: unknown option, missing argument or value. */
    public static final int USAGE = 2;
    /** No connection (or schema, or file) of that name. */
    public static final int NOT_FOUND = 3;
    /** Input was refused before anything was written: an invalid config, a bad import file, an unconfirmed change on production. */
    public static final int INVALID = 4;
    /** The local store cannot be used: held too long by another program, damaged, or from a newer Sextant. */
    public static final int STORE = 5;

    private ExitCode() {
    }
}

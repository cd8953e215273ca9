package dev.sextant.ui;

/** The technical details behind an error message, shown only when the user asks for them. */
public final class ErrorDetails {

    private static final int MAX_FRAMES = 12;

    private ErrorDetails() {
    }

    /** The chain of causes, each with its type, message and first stack frames. */
    public static String of(Throwable error) {
        StringBuilder sb = new StringBuilder();
        Throwable t = error;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            sb.append(depth == 0 ? "" : "Caused by: ").append(t.getClass().getName());
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
            sb.append('\n');
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                sb.append("    at ").append(frames[i]).append('\n');
            }
            if (frames.length > MAX_FRAMES) {
                sb.append("    … ").append(frames.length - MAX_FRAMES).append(" more\n");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return sb.toString();
    }
}

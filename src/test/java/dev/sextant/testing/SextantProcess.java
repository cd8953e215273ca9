package dev.sextant.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Starts Sextant as its own process, the way {@code target/sextant} does: {@code dev.sextant.Main} on
 * target/classes and the runtime class path Maven wrote to target/classpath.txt (no test classes, so
 * the real logback.xml is in force).
 */
public final class SextantProcess {

    /** What a finished run left behind. */
    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + "\n" + err;
        }
    }

    private SextantProcess() {
    }

    /** The runtime class path, without the entries {@code leaveOut} matches (e.g. JavaFX's jars). */
    public static List<String> classPath(Predicate<String> leaveOut) {
        try {
            List<String> entries = new ArrayList<>();
            entries.add(Path.of("target", "classes").toAbsolutePath().toString());
            String deps = Files.readString(Path.of("target", "classpath.txt")).strip();
            Arrays.stream(deps.split(java.io.File.pathSeparator)).filter(e -> !e.isBlank() && !leaveOut.test(e)).forEach(entries::add);
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("target/classpath.txt is written by Maven's generate-resources phase", e);
        }
    }

    public static List<String> command(List<String> jvmArgs, List<String> classPath, Path home, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classPath), "dev.sextant.Main",
                "--home", home.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs a command to its end with the normal class path. */
    public static Result run(Path home, String stdin, String... args) {
        return run(command(List.of("-Xmx256m"), classPath(e -> false), home, args), stdin, null, Duration.ofSeconds(60));
    }

    /**
     * Runs a command; its stdout goes to {@code sink} when given (for outputs too large to keep), else
     * into the result.
     */
    public static Result run(List<String> command, String stdin, OutputStream sink, Duration limit) {
        try {
            Process p = start(command);
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            CompletableFuture<Void> out = drain(p.getInputStream(), sink == null ? kept : sink);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CompletableFuture<Void> errDone = drain(p.getErrorStream(), err);
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("sextant did not finish within " + limit + ": " + command.subList(command.size() - 3, command.size())
                        + "\n" + err.toString(StandardCharsets.UTF_8));
            }
            out.join();
            errDone.join();
            return new Result(p.exitValue(), kept.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Process start(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("SEXTANT_HOME");
        return builder.start();
    }

    /** Copies a stream to its end on a thread of its own. */
    public static CompletableFuture<Void> drain(InputStream stream, OutputStream to) {
        return CompletableFuture.runAsync(() -> {
            try (stream) {
                stream.transferTo(to);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> {
            Thread thread = new Thread(task, "sextant-process-output");
            thread.setDaemon(true);
            thread.start();
        });
    }
}

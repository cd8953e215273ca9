package dev.sextant.secret;

import java.io.ByteArrayOutputStream;
import java.io.File;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs a command for a test, with a chosen environment, input and time limit, and collects its output. */
final class Subprocess {

    /** What the command left behind; {@code timedOut} means it was killed at the time limit. */
    record Result(int exitCode, byte[] stdout, String stderr, boolean timedOut) {

        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** Both streams, for failure messages and for checking that nothing leaked into either. */
        String all() {
            return out() + "\n" + stderr;
        }
    }

    private Subprocess() {
    }

    static Result run(List<String> command, Consumer<Map<String, String>> environment, String stdin, Duration limit) {
        ProcessBuilder builder = new ProcessBuilder(command);
        environment.accept(builder.environment());
        try {
            Process process = builder.start();
            CompletableFuture<byte[]> out = drain(process.getInputStream());
            CompletableFuture<byte[]> err = drain(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            return new Result(finished ? process.exitValue() : -1, out.join(),
                    new String(err.join(), StandardCharsets.UTF_8), !finished);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result run(List<String> command) {
        return run(command, env -> { }, null, Duration.ofSeconds(30));
    }

    /** Whether an executable of that name is on the PATH. */
    static boolean onPath(String name) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, name)));
    }

    /** The command that starts a JVM like this one, on the test class path, with the given main class. */
    static List<String> java(Class<?> mainClass, String... args) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, mainClass.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Reads a stream to its end on a thread of its own (the common pool may have a single thread). */
    private static CompletableFuture<byte[]> drain(InputStream stream) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        return dev.sextant.testing.SextantProcess.drain(stream, bytes).thenApply(done -> bytes.toByteArray());
    }
}

package dev.sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.testing.SextantProcess;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a user starts it, in a process of its own: the window on JavaFX's headless platform
 * (Monocle, so no display is needed), asked to close once its start-up work is done. What it logged before
 * logging was set up (which waits for the window) must reach the log file, in order, with nothing from
 * SLF4J about it on the console.
 */
class LauncherWindowTest {

    @Test
    void startsTheWindowAndLogsItsStartInOrder(@TempDir Path home) throws Exception {
        List<String> classPath = new ArrayList<>(SextantProcess.classPath(e -> false));
        // Monocle is a test dependency: take it from this JVM's class path
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.contains("openjfx-monocle")).forEach(classPath::add);
        List<String> jvm = List.of("-Xmx512m", "-Dsextant.closeWhenStarted=true", "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k");
        ProcessBuilder builder = new ProcessBuilder(SextantProcess.command(jvm, classPath, home));
        builder.environment().remove("SEXTANT_HOME");
        // the launcher checks that a display is named before it starts JavaFX; Monocle needs none
        builder.environment().put("DISPLAY", ":headless");
        Process process = builder.start();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        CompletableFuture<Void> out = SextantProcess.drain(process.getInputStream(), console);
        CompletableFuture<Void> err = SextantProcess.drain(process.getErrorStream(), console);
        boolean ended = process.waitFor(90, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        out.join();
        err.join();
        String printed = console.toString(StandardCharsets.UTF_8);

        assertThat(ended).as("the launcher ended by itself; it printed:%n%s", printed).isTrue();
        assertThat(process.exitValue()).as(printed).isZero();
        Path logFile = home.resolve("logs").resolve("sextant.log");
        assertThat(logFile).exists();
        String log = Files.readString(logFile);
        int starting = log.indexOf("starting with data folder " + home);
        int shown = log.indexOf("Main window shown at ");
        int done = log.indexOf("Start-up work done at ");
        int closing = log.indexOf("Start-up finished; closing");
        assertThat(starting).as(log).isNotNegative();
        assertThat(shown).as(log).isGreaterThan(starting);
        assertThat(done).as(log).isGreaterThan(shown);
        assertThat(closing).as(log).isGreaterThan(done);
        assertThat(log).doesNotContain(" ERROR ");
        // SLF4J says so on the console when it falls back to no logging or replays without being asked
        assertThat(printed).doesNotContain("SLF4J").contains("Main window shown at ");
    }
}

package dev.sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.Main;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code --self-check} as a packaging step runs it: a separate JVM whose exit status and report are read.
 * The toolkit runs on Monocle here (the test class path has it), so the JavaFX check renders for real.
 */
class SelfCheckTest {

    private static final String CLASS_PATH = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

    @Test
    void aCompleteRuntimePassesEveryCheck() throws Exception {
        Run run = selfCheck(CLASS_PATH);

        assertThat(run.exit).as(run.out).isZero();
        assertThat(run.out)
                .containsPattern("(?m)^ok +Java runtime +Java 17.*TLS 1\\.3")
                .containsPattern("(?m)^ok +Connector H2 Database \\(h2\\) +created a database file")
                .containsPattern("(?m)^ok +Connector PostgreSQL \\(postgresql\\) +ran the driver")
                .containsPattern("(?m)^ok +Connector Google BigQuery \\(bigquery\\) +signed a token request")
                .containsPattern("(?m)^ok +Local store +created and migrated a store")
                .containsPattern("(?m)^(ok|warning) +Keychain access")
                .containsPattern("(?m)^ok +JavaFX toolkit +started and rendered")
                .containsPattern("(?m)^Self-check passed");
        // the same JDK as this test's, so sharing is on there exactly when it is on here
        if (System.getProperty("java.vm.info", "").contains("sharing")) {
            assertThat(run.out).containsPattern("(?m)^ok +Class-data sharing +on, from the runtime's default archive$");
        } else {
            assertThat(run.out).containsPattern("(?m)^warning +Class-data sharing +off");
        }
    }

    @Test
    void aMissingDriverFailsTheCheckAndIsNamed() throws Exception {
        String withoutPgjdbc = Stream.of(CLASS_PATH.split(File.pathSeparator))
                .filter(entry -> !entry.contains("postgresql-"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(withoutPgjdbc).isNotEqualTo(CLASS_PATH);

        Run run = selfCheck(withoutPgjdbc);

        assertThat(run.exit).as(run.out).isEqualTo(1);
        assertThat(run.out)
                .containsPattern("(?m)^FAILED +Connector PostgreSQL.*missing class org\\.postgresql\\.[A-Za-z.]+ .*A library is missing")
                .containsPattern("(?m)^ok +Connector H2 Database")
                .containsPattern("(?m)^Self-check FAILED: 1 of \\d+ checks failed\\.");
    }

    @Test
    void aJvmThatCannotUseItsClassArchiveIsAWarningNamingTheArchive() throws Exception {
        // what a launcher sees when the archive made at install time no longer fits its jars
        Run off = selfCheck(CLASS_PATH, "-XX:SharedArchiveFile=no-such-archive.jsa", "-Xshare:auto");

        assertThat(off.exit).as(off.out).isZero();
        assertThat(off.out).containsPattern(
                "(?m)^warning +Class-data sharing +off: the JVM could not use no-such-archive\\.jsa, so Sextant starts more slowly");
    }

    private record Run(int exit, String out) {
    }

    private static Run selfCheck(String classPath, String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classPath,
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true",
                Main.class.getName(), "--self-check"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        // A display name, so that the check starts the toolkit (on Monocle) instead of reporting that there is none.
        builder.environment().put("DISPLAY", ":self-check");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The self-check did not finish within 90 s:\n" + out);
        }
        return new Run(process.exitValue(), out);
    }
}

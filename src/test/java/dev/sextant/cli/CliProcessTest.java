package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.app.AppPaths;
import dev.sextant.app.Sextant;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.query.ProgressListener;
import dev.sextant.secret.FakeKeychain;
import dev.sextant.secret.SecretStore;
import dev.sextant.testing.SextantProcess;
import dev.sextant.testing.TestPostgres;
import dev.sextant.testing.TestSample;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sextant} started as a real process, the way the launcher starts it. */
class CliProcessTest {

    @TempDir
    Path dir;

    @Test
    void commandsRunWithoutJavaFxOnTheClassPathAndReportErrorsInOneLine() {
        AppPaths paths = TestSample.homeWithSample(dir);
        List<String> withoutFx = SextantProcess.classPath(entry -> entry.contains("javafx") || entry.contains("openjfx"));
        assertThat(withoutFx).noneMatch(e -> e.contains("javafx"));

        SextantProcess.Result list = SextantProcess.run(SextantProcess.command(List.of(), withoutFx, paths.home(),
                "connections", "list"), null, null, Duration.ofSeconds(60));
        assertThat(list.exitCode()).as(list.all()).isZero();
        assertThat(list.out()).contains("Sample").contains("h2");
        assertThat(list.err()).as("nothing but results: no log lines on the console").isEmpty();

        SextantProcess.Result query = SextantProcess.run(SextantProcess.command(List.of(), withoutFx, paths.home(),
                "query", "-c", "Sample", "--format", "csv", "SELECT COUNT(*) AS N FROM CUSTOMERS"), null, null, Duration.ofSeconds(60));
        assertThat(query.exitCode()).as(query.all()).isZero();
        assertThat(query.out()).isEqualTo("N\n5000\n");

        SextantProcess.Result unknown = SextantProcess.run(SextantProcess.command(List.of(), withoutFx, paths.home(),
                "query", "-c", "Missing", "SELECT 1"), null, null, Duration.ofSeconds(60));
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err().lines()).singleElement().asString().startsWith("sextant: There is no connection named 'Missing'");
    }

    @Test
    void aFreshDataFolderFirstUsedFromTheCommandLineHasTheSample() {
        Path home = dir.resolve("fresh");
        SextantProcess.Result list = SextantProcess.run(SextantProcess.command(List.of(), SextantProcess.classPath(e -> false),
                home, "connections", "list"), null, null, Duration.ofSeconds(60));
        assertThat(list.exitCode()).as(list.all()).isZero();
        assertThat(list.out()).contains("Sample");
        assertThat(list.err()).as("the store's creation and the sample's unpacking are not reported on the console").isEmpty();

        SextantProcess.Result query = SextantProcess.run(SextantProcess.command(List.of(), SextantProcess.classPath(e -> false),
                home, "query", "-c", "Sample", "--format", "csv", "SELECT COUNT(*) AS N FROM REGIONS"), null, null, Duration.ofSeconds(60));
        assertThat(query.exitCode()).as(query.all()).isZero();
        assertThat(query.out()).isEqualTo("N\n12\n");
    }

    @Test
    void theSelfCheckPrintsItsReportAndNoLogLines() {
        SextantProcess.Result check = SextantProcess.run(SextantProcess.command(List.of(), SextantProcess.classPath(e -> false),
                dir.resolve("unused"), "--self-check"), null, null, Duration.ofSeconds(120));
        assertThat(check.out()).as(check.all()).contains("Local store").containsPattern("Self-check (passed|failed)");
        assertThat(check.err().lines()).as("no log line (time, level) on the console")
                .noneMatch(line -> line.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} +(INFO|WARN|ERROR|DEBUG).*"));
    }

    @Test
    void aCommandWorksWhileTheWindowHoldsTheDataFolder() {
        AppPaths paths = TestSample.homeWithSample(dir);
        // the window's composition root, as a running window has it: instance lock taken, store in use
        try (Sextant window = new Sextant(paths, new SecretStore(new FakeKeychain()))) {
            window.start(ProgressListener.NONE);

            SextantProcess.Result added = SextantProcess.run(paths.home(), null, "connections", "add", "Scratch",
                    "--type", "h2", "-p", "path=mem:scratch");
            assertThat(added.exitCode()).as(added.all()).isZero();
            SextantProcess.Result query = SextantProcess.run(paths.home(), null, "query", "-c", "Sample", "--format", "csv",
                    "SELECT NAME FROM REGIONS WHERE ID = 1");
            assertThat(query.exitCode()).as(query.all()).isZero();

            assertThat(window.catalog().list()).extracting(ExternalDatabaseConfig::name).contains("Sample", "Scratch");
        }
    }

    @Test
    void aDataFolderThatCannotBeMadeIsOneLineOnStderr() throws Exception {
        // a folder inside a file: it cannot be made, whoever runs the test
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        SextantProcess.Result run = SextantProcess.run(file.resolve("home"), null, "connections", "list");

        assertThat(run.exitCode()).isEqualTo(ExitCode.STORE);
        assertThat(run.out()).as("stdout is for results: no report of logging's set-up").isEmpty();
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("sextant: Sextant cannot create its store in ");
    }

    @Test
    void aSampleHeldByAnotherProgramIsSaidPlainly() throws Exception {
        AppPaths paths = TestSample.homeWithSample(dir);
        // a command that keeps the sample's file open: rows stream as long as anyone reads them
        Process holder = SextantProcess.start(SextantProcess.command(List.of(), SextantProcess.classPath(e -> false),
                paths.home(), "query", "-c", "Sample", "--format", "csv", "SELECT X FROM SYSTEM_RANGE(1, 1000000000000)"));
        try {
            BufferedReader rows = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(rows.readLine()).as("the holder's header").isEqualTo("X");
            assertThat(rows.readLine()).as("the holder has the file open").isEqualTo("1");

            SextantProcess.Result second = SextantProcess.run(paths.home(), null, "query", "-c", "Sample", "SELECT 1");

            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.err().lines()).singleElement().asString()
                    .startsWith("sextant: Database in use: The H2 database file ")
                    .contains("is open in another program");
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aMillionRowsStreamToStdoutInA256MegabyteHeap() {
        String database = TestPostgres.newDatabase("stream");
        AppPaths paths = new AppPaths(dir.resolve("home"));
        CliRunner.Run added = new CliRunner(paths, new SecretStore(new FakeKeychain())).run("connections", "add", "Big",
                "--type", "postgresql", "-p", "host=127.0.0.1", "-p", "port=" + TestPostgres.port(), "-p", "database=" + database,
                "-p", "user=postgres", "-p", "sslMode=disable");
        assertThat(added.exitCode()).as(added.all()).isZero();

        LineCounter lines = new LineCounter();
        SextantProcess.Result run = SextantProcess.run(SextantProcess.command(List.of("-Xmx256m"), SextantProcess.classPath(e -> false),
                        paths.home(), "query", "-c", "Big", "--format", "csv",
                        "SELECT g AS id, 'row number ' || g AS label, g * 1.5 AS amount FROM generate_series(1, 1000000) g"),
                null, lines, Duration.ofSeconds(120));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(lines.count).as("a header and a million rows").isEqualTo(1_000_001);
        assertThat(lines.last()).isEqualTo("1000000,row number 1000000,1500000.0");
    }

    /** Counts lines as they arrive and keeps only the last one. */
    private static final class LineCounter extends OutputStream {
        long count;
        private final StringBuilder current = new StringBuilder();
        private String last = "";

        @Override
        public void write(int b) {
            if (b == '\n') {
                count++;
                last = current.toString();
                current.setLength(0);
            } else {
                current.append((char) b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        String last() {
            return new String(last.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }
    }
}

package dev.sextant.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.query.ProgressListener;
import dev.sextant.testing.TestSample;
import dev.sextant.ui.StartupProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up through the composition root on a real data folder. */
class SextantStartTest {

    @TempDir
    Path dir;

    @Test
    void theFirstStartAddsTheSampleConnectionOnceAndKeepsItsDeletion() {
        AppPaths paths = TestSample.homeWithSample(dir);
        try (Sextant first = new Sextant(paths)) {
            List<ExternalDatabaseConfig> configs = first.start(ProgressListener.NONE);
            assertThat(configs).extracting(ExternalDatabaseConfig::name).containsExactly("Sample");
            assertThat(configs.get(0).parameters().get("path")).isEqualTo(paths.sampleDatabase().toString());
            first.catalog().delete(configs.get(0).id());
        }
        try (Sextant second = new Sextant(paths)) {
            assertThat(second.start(ProgressListener.NONE)).as("a deleted sample stays deleted").isEmpty();
        }
        assertThat(Files.exists(paths.store().resolve("sextant.mv.db"))).isTrue();
    }

    @Test
    void aDataFolderMovedElsewhereKeepsItsSampleConnectionWorking() throws Exception {
        AppPaths before = TestSample.homeWithSample(dir.resolve("before"));
        try (Sextant first = new Sextant(before)) {
            first.start(ProgressListener.NONE);
        }
        Path moved = dir.resolve("moved");
        Files.move(before.home(), moved);
        AppPaths after = new AppPaths(moved);

        try (Sextant second = new Sextant(after)) {
            List<ExternalDatabaseConfig> configs = second.start(ProgressListener.NONE);
            assertThat(configs).singleElement().satisfies(c ->
                    assertThat(c.parameters().get("path")).isEqualTo(after.sampleDatabase().toString()));
            try (var sample = second.workspace().registry().create("h2",
                    dev.sextant.connector.ConnectionParameters.of(configs.get(0).parameters()))) {
                sample.connect();
                assertThat(sample.executeSqlStatement("SELECT COUNT(*) AS N FROM REGIONS", null, null))
                        .singleElement().satisfies(row -> assertThat(((Number) row.get("N")).longValue()).isPositive());
            }
        }
    }

    @Test
    void aCopiedDataFolderUsesItsOwnSampleAndTheOriginalKeepsItsOwn() throws Exception {
        AppPaths original = TestSample.homeWithSample(dir.resolve("original"));
        try (Sextant first = new Sextant(original)) {
            first.start(ProgressListener.NONE);
        }
        AppPaths copy = new AppPaths(dir.resolve("copy"));
        try (var files = Files.walk(original.home())) {
            for (Path from : files.toList()) {
                Files.copy(from, copy.home().resolve(original.home().relativize(from).toString()));
            }
        }

        try (Sextant copied = new Sextant(copy); Sextant kept = new Sextant(original)) {
            assertThat(copied.start(ProgressListener.NONE)).singleElement().satisfies(c ->
                    assertThat(c.parameters().get("path")).isEqualTo(copy.sampleDatabase().toString()));
            assertThat(kept.start(ProgressListener.NONE)).singleElement().satisfies(c ->
                    assertThat(c.parameters().get("path")).isEqualTo(original.sampleDatabase().toString()));
        }
    }

    @Test
    void aSampleConnectionPointedElsewhereOnPurposeIsLeftAlone() throws Exception {
        AppPaths paths = TestSample.homeWithSample(dir);
        Path other = dir.resolve("elsewhere");
        Files.createDirectories(other);
        Files.copy(Path.of(paths.sampleDatabase() + ".mv.db"), other.resolve("copy.mv.db"));
        try (Sextant first = new Sextant(paths)) {
            ExternalDatabaseConfig sample = first.start(ProgressListener.NONE).get(0);
            first.catalog().update(sample.withParameters(java.util.Map.of("path", other.resolve("copy").toString())));
        }
        try (Sextant second = new Sextant(paths)) {
            assertThat(second.start(ProgressListener.NONE).get(0).parameters().get("path")).isEqualTo(other.resolve("copy").toString());
        }
    }

    @Test
    void aSecondSextantOnTheSameFolderIsToldItIsAlreadyRunning() {
        AppPaths paths = TestSample.homeWithSample(dir);
        try (Sextant first = new Sextant(paths); Sextant second = new Sextant(paths)) {
            first.start(ProgressListener.NONE);

            assertThatThrownBy(() -> second.start(ProgressListener.NONE)).isInstanceOfSatisfying(StartupProblem.class, e -> {
                assertThat(e.getMessage()).startsWith("Sextant is already running with the data folder " + paths.home());
                assertThat(e.recovery()).isEmpty();
            });
            assertThat(first.catalog().list()).hasSize(1);
        }
    }

    @Test
    void aDamagedStoreOffersTheLatestBackupAndStartsFromIt() throws Exception {
        AppPaths paths = TestSample.homeWithSample(dir);
        try (Sextant first = new Sextant(paths)) {
            first.start(ProgressListener.NONE);
            first.catalog().rename("sample", "Sample, renamed before the backup");
        }
        // a backup as an upgrade would write it, then damage
        try (var store = dev.sextant.store.LocalStore.open(paths.store())) {
            store.backupNow();
        }
        Files.write(paths.store().resolve("sextant.mv.db"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        try (Sextant second = new Sextant(paths)) {
            StartupProblem problem = org.junit.jupiter.api.Assertions.assertThrows(StartupProblem.class,
                    () -> second.start(ProgressListener.NONE));
            assertThat(problem.getMessage()).contains("cannot be opened").contains("left unchanged");
            assertThat(problem.recoveryLabel()).isEqualTo("Start from the latest backup");

            List<ExternalDatabaseConfig> restored = problem.recovery().orElseThrow().run(ProgressListener.NONE);

            assertThat(restored).extracting(ExternalDatabaseConfig::name).containsExactly("Sample, renamed before the backup");
        }
    }
}

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

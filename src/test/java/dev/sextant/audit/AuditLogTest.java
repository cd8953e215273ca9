package dev.sextant.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.store.LocalStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log on a real store. */
class AuditLogTest {

    @TempDir
    Path dir;

    @Test
    void entriesComeBackNewestFirstWithWhatWasAskedAndHowItEnded() {
        try (LocalStore store = LocalStore.open(dir)) {
            AuditLog log = new AuditLog(store);
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            log.record(new AuditEntry(0, at, "desktop-client 1.0", "run_query", "id-1", "Warehouse", "SELECT 1",
                    AuditEntry.Outcome.OK, 1L, Duration.ofMillis(12), null));
            log.record(new AuditEntry(0, at.plusSeconds(1), "desktop-client 1.0", "run_query", null, "Warehouse",
                    "INSERT INTO t VALUES (1)", AuditEntry.Outcome.REFUSED, null, Duration.ofMillis(3), "x".repeat(5000)));

            assertThat(log.recent(10)).hasSize(2).first().satisfies(e -> {
                assertThat(e.id()).isPositive();
                assertThat(e.request()).isEqualTo("INSERT INTO t VALUES (1)");
                assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.REFUSED);
                assertThat(e.rowCount()).isNull();
                assertThat(e.message()).hasSize(AuditLog.MAX_TEXT).endsWith("…");
            });
            AuditEntry first = log.recent(10).get(1);
            assertThat(first.calledAt()).isEqualTo(at);
            assertThat(first.rowCount()).isEqualTo(1L);
            assertThat(first.duration()).isEqualTo(Duration.ofMillis(12));
            assertThat(first.configId()).isEqualTo("id-1");
            assertThat(log.recent(1)).hasSize(1);
        }
    }
}

package dev.sextant.connector;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a staged connection test: every stage that ran, and a summary (server version, user,
 * read-only, latency) when the connection worked.
 */
public record ConnectionTestReport(List<TestStage> stages, Map<String, String> summary) {

    public ConnectionTestReport {
        stages = List.copyOf(stages);
        summary = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }

    public boolean passed() {
        return !stages.isEmpty() && stages.stream().allMatch(TestStage::passed);
    }

    public Duration totalTime() {
        return stages.stream().map(TestStage::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** Plain text for pasting into a ticket. */
    public String asText() {
        StringBuilder sb = new StringBuilder();
        for (TestStage s : stages) {
            sb.append(s.passed() ? "[ok]   " : "[FAIL] ").append(s.name())
                    .append(" (").append(s.duration().toMillis()).append(" ms)");
            if (!s.message().isEmpty()) {
                sb.append(": ").append(s.message());
            }
            sb.append('\n');
        }
        summary.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        sb.append(passed() ? "Connection works." : "Connection failed.").append('\n');
        return sb.toString();
    }
}

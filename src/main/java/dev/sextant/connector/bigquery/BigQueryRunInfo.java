package dev.sextant.connector.bigquery;

import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.TableResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What BigQuery reported about one finished job, as the labelled lines the editor, the CLI and the MCP
 * server show after a run: statement type, bytes processed and billed, cache hit, rows, job id, location
 * and time taken.
 *
 * @param updateCount rows changed by DML, or -1
 */
record BigQueryRunInfo(Map<String, String> labelled, long updateCount) {

    static BigQueryRunInfo of(Job job, TableResult result, long elapsedNanos) {
        Map<String, String> info = new LinkedHashMap<>();
        long updates = -1;
        long millis = elapsedNanos / 1_000_000;
        if (job != null && job.getStatistics() instanceof JobStatistics.QueryStatistics stats) {
            if (stats.getStatementType() != null) {
                info.put("Statement type", stats.getStatementType().toString());
            }
            info.put("Bytes processed", bytes(stats.getTotalBytesProcessed()));
            info.put("Bytes billed", bytes(stats.getTotalBytesBilled()));
            info.put("Cache hit", Boolean.TRUE.equals(stats.getCacheHit()) ? "yes" : "no");
            if (stats.getNumDmlAffectedRows() != null) {
                updates = stats.getNumDmlAffectedRows();
                info.put("Rows affected", String.format(Locale.ROOT, "%,d", updates));
            }
            if (stats.getStartTime() != null && stats.getEndTime() != null && stats.getEndTime() >= stats.getStartTime()) {
                millis = stats.getEndTime() - stats.getStartTime();
            }
        }
        if (result != null && result.getSchema() != null && !result.getSchema().getFields().isEmpty()) {
            info.put("Rows", String.format(Locale.ROOT, "%,d", result.getTotalRows()));
        }
        if (job != null && job.getJobId() != null) {
            info.put("Job id", job.getJobId().getProject() + ":" + (job.getJobId().getLocation() == null ? ""
                    : job.getJobId().getLocation() + ".") + job.getJobId().getJob());
            info.put("Location", job.getJobId().getLocation() == null ? "(not reported)" : job.getJobId().getLocation());
        }
        info.put("Time taken", String.format(Locale.ROOT, "%.3f s", millis / 1000.0));
        return new BigQueryRunInfo(info, updates);
    }

    /** e.g. "1.50 GB (1,610,612,736 bytes)", counted in powers of 1024 as BigQuery does. */
    static String bytes(Long value) {
        if (value == null) {
            return "(not reported)";
        }
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        double v = value;
        int unit = 0;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        String exact = String.format(Locale.ROOT, "%,d bytes", value);
        return unit == 0 ? exact : String.format(Locale.ROOT, "%.2f %s (%s)", v, units[unit], exact);
    }
}

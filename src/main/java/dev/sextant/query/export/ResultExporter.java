package dev.sextant.query.export;

import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.ResultCursor;
import dev.sextant.connector.ResultPage;
import dev.sextant.query.ProgressListener;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports a statement's whole result to a file: the statement runs again on a connection of its own
 * (the grid's cursor stays where the user left it), and rows stream from the database to the file a
 * page at a time. The file is written under a temporary name beside the target and renamed at the end,
 * so a failed or cancelled export never leaves a half-written file under the name the user chose.
 */
public final class ResultExporter {

    private static final Logger LOG = LoggerFactory.getLogger(ResultExporter.class);
    private static final int FETCH = 2000;

    private final Supplier<BaseDBConnector> connectorFactory;
    private volatile ResultCursor cursor;
    private volatile BaseDBConnector connector;
    private volatile boolean cancelled;

    /** @param connectorFactory a new, unconnected connector for the statement's connection */
    public ResultExporter(Supplier<BaseDBConnector> connectorFactory) {
        this.connectorFactory = connectorFactory;
    }

    /**
     * Runs {@code sql} and writes every row to {@code target}. Blocks; call from a background thread.
     *
     * @return the number of rows written
     * @throws ConnectorException of kind CANCELLED after {@link #cancel()}, or the database's error
     * @throws UncheckedIOException when the file cannot be written
     */
    public long export(String sql, List<?> params, Path target, ExportFormat format, ProgressListener progress) {
        Path dir = target.toAbsolutePath().getParent();
        Path part;
        try {
            Files.createDirectories(dir);
            part = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to " + dir + ": " + e.getMessage(), e);
        }
        boolean done = false;
        try {
            long rows = write(sql, params, part, format, progress);
            moveIntoPlace(part, target);
            done = true;
            progress.progress(1.0, String.format("%,d rows exported", rows));
            return rows;
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    LOG.warn("Could not delete the unfinished export {}: {}", part, e.getMessage());
                }
            }
        }
    }

    private long write(String sql, List<?> params, Path part, ExportFormat format, ProgressListener progress) {
        BaseDBConnector c = connectorFactory.get();
        connector = c;
        try (c; OutputStream file = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
            if (cancelled) {
                throw cancelledException();
            }
            c.connect();
            progress.progress(-1, "Running the statement for the export…");
            try (ResultCursor cur = c.openCursor(sql, params, FETCH)) {
                cursor = cur;
                if (!cur.isResultSet()) {
                    throw new ConnectorException(ErrorKind.SYNTAX, "The statement returned no rows to export.");
                }
                long rows = 0;
                BufferedWriter text = format == ExportFormat.XLSX ? null
                        : new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8), 1 << 16);
                try (RowWriter writer = switch (format) {
                    case CSV -> new CsvWriter(text);
                    case JSON_LINES -> new JsonLinesWriter(text);
                    case XLSX -> new XlsxWriter(file);
                }) {
                    writer.header(cur.columns());
                    while (cur.hasMore()) {
                        if (cancelled) {
                            throw cancelledException();
                        }
                        ResultPage page = cur.nextPage(FETCH);
                        for (Object[] row : page.rows()) {
                            writer.row(row);
                        }
                        rows += page.size();
                        progress.progress(-1, String.format("%,d rows written…", rows));
                    }
                    if (cancelled) {
                        throw cancelledException();
                    }
                    writer.finish();
                }
                return rows;
            } finally {
                cursor = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the export: " + e.getMessage(), e);
        } finally {
            connector = null;
        }
    }

    private static ConnectorException cancelledException() {
        return new ConnectorException(ErrorKind.CANCELLED, "The export was cancelled; no file was written.");
    }

    private static void moveIntoPlace(Path part, Path target) {
        try {
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The export was written but could not be renamed to " + target + ": "
                    + e.getMessage(), e);
        }
    }

    /** Stops the export from any thread; the database statement is cancelled and no file is left behind. */
    public void cancel() {
        cancelled = true;
        ResultCursor c = cursor;
        if (c != null) {
            c.cancel();
        }
        BaseDBConnector conn = connector;
        if (conn != null) {
            conn.cancel();
        }
    }
}

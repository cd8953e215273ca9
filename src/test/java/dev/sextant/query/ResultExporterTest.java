package dev.sextant.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.connector.ErrorKind;
import dev.sextant.query.export.ExportFormat;
import dev.sextant.query.export.ResultExporter;
import dev.sextant.testing.TestPostgres;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Exports from a real PostgreSQL: what lands in each format, and what a failure leaves behind. */
class ResultExporterTest {

    private static String db;

    @TempDir
    Path dir;

    @BeforeAll
    static void database() {
        db = TestPostgres.newDatabase("export");
        TestPostgres.execute(db, "CREATE TABLE kinds (id int, amount numeric(30,10), small numeric(6,2), label text, "
                        + "flag boolean, day date, at timestamp, tags text[], doc jsonb, raw bytea)",
                "INSERT INTO kinds VALUES (1, 12345678901234567890.0123456789, 12.50, 'comma, \"quote\"\nline', true, "
                        + "'2024-02-29', '2024-02-29 13:45:00', ARRAY['a','b'], '{\"k\": [1, 2]}', '\\x00ff'), "
                        + "(2, NULL, NULL, '', NULL, NULL, NULL, NULL, NULL, NULL)");
    }

    private static Supplier<BaseDBConnector> connector() {
        return () -> ConnectorRegistry.loadInstalled().create("postgresql", ConnectionParameters.of(Map.of(
                "host", "127.0.0.1", "port", String.valueOf(TestPostgres.port()), "database", db,
                "user", "postgres", "sslMode", "disable")));
    }

    @Test
    void csvKeepsNullApartFromEmptyAndQuotesWhatNeedsIt() throws Exception {
        Path file = dir.resolve("kinds.csv");
        long rows = new ResultExporter(connector()).export("SELECT * FROM kinds ORDER BY id", List.of(), file,
                ExportFormat.CSV, dev.sextant.query.ProgressListener.NONE);
        assertThat(rows).isEqualTo(2);
        String csv = Files.readString(file);
        assertThat(csv).startsWith("id,amount,small,label,flag,day,at,tags,doc,raw\r\n"
                + "1,12345678901234567890.0123456789,12.50,\"comma, \"\"quote\"\"\nline\",true,2024-02-29,2024-02-29 13:45:00,"
                + "\"[\"\"a\"\",\"\"b\"\"]\",\"{\"\"k\"\": [1, 2]}\",\\x00ff\r\n");
        assertThat(csv).endsWith("2,,,\"\",,,,,,\r\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("kinds.csv");
        }
    }

    @Test
    void jsonLinesKeepTypes() throws Exception {
        Path file = dir.resolve("kinds.jsonl");
        new ResultExporter(connector()).export("SELECT id, amount, flag, tags, doc FROM kinds ORDER BY id", List.of(),
                file, ExportFormat.JSON_LINES, dev.sextant.query.ProgressListener.NONE);
        assertThat(Files.readAllLines(file)).containsExactly(
                "{\"id\":1,\"amount\":12345678901234567890.0123456789,\"flag\":true,\"tags\":[\"a\",\"b\"],\"doc\":{\"k\":[1,2]}}",
                "{\"id\":2,\"amount\":null,\"flag\":null,\"tags\":null,\"doc\":null}");
    }

    @Test
    void xlsxHoldsNumbersDatesAndTextInCellsOfTheRightType() throws Exception {
        Path file = dir.resolve("kinds.xlsx");
        new ResultExporter(connector()).export("SELECT id, amount, small, label, flag, day FROM kinds ORDER BY id", List.of(),
                file, ExportFormat.XLSX, dev.sextant.query.ProgressListener.NONE);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry("[Content_Types].xml")).isNotNull();
            assertThat(zip.getEntry("xl/workbook.xml")).isNotNull();
            Document sheet;
            try (InputStream in = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
                sheet = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            }
            NodeList rows = sheet.getElementsByTagName("row");
            assertThat(rows.getLength()).isEqualTo(3);
            List<String> first = cells((Element) rows.item(1));
            assertThat(first).containsExactly("n:1", "s:12345678901234567890.0123456789", "n:12.50",
                    "s:comma, \"quote\"\nline", "b:1", "n:45351");
            assertThat(cells((Element) rows.item(2))).containsExactly("n:2", "-", "-", "s:", "-", "-");
        }
    }

    /** Each cell as type:value, "-" for an empty cell. */
    private static List<String> cells(Element row) {
        List<String> out = new ArrayList<>();
        NodeList cells = row.getElementsByTagName("c");
        for (int i = 0; i < cells.getLength(); i++) {
            Element c = (Element) cells.item(i);
            String t = c.getAttribute("t");
            if (t.equals("inlineStr")) {
                out.add("s:" + c.getElementsByTagName("t").item(0).getTextContent());
            } else if (c.getElementsByTagName("v").getLength() == 0) {
                out.add("-");
            } else {
                out.add((t.isEmpty() ? "n" : t) + ":" + c.getElementsByTagName("v").item(0).getTextContent());
            }
        }
        return out;
    }

    @Test
    void aFailingStatementLeavesNoFileAndKeepsAnOldOne() throws Exception {
        Path file = dir.resolve("old.csv");
        Files.writeString(file, "the previous export");
        assertThatThrownBy(() -> new ResultExporter(connector()).export("SELECT 1 / (id - 2) FROM kinds ORDER BY id",
                List.of(), file, ExportFormat.CSV, dev.sextant.query.ProgressListener.NONE))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("division by zero");
        assertThat(Files.readString(file)).isEqualTo("the previous export");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void cancelStopsTheExportAndLeavesNothing() throws Exception {
        Path file = dir.resolve("big.csv");
        ResultExporter exporter = new ResultExporter(connector());
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Long> running = CompletableFuture.supplyAsync(() -> exporter.export(
                "SELECT g, md5(g::text) FROM generate_series(1, 50000000) g", List.of(), file, ExportFormat.CSV,
                (f, m) -> seen.add(m)));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (seen.stream().noneMatch(m -> m.endsWith("rows written…")) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        exporter.cancel();
        assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectorException.class)
                .cause().satisfies(e -> assertThat(((ConnectorException) e).kind()).isEqualTo(ErrorKind.CANCELLED));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}

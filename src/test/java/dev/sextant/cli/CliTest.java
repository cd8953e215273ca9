package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.app.AppPaths;
import dev.sextant.secret.FakeKeychain;
import dev.sextant.secret.SecretStore;
import dev.sextant.testing.TestSample;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line through its entry point, on the built-in H2 sample in a data folder of its own. */
class CliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private AppPaths paths;
    private FakeKeychain keychain;
    private CliRunner cli;

    @BeforeEach
    void home() {
        paths = TestSample.homeWithSample(dir);
        keychain = new FakeKeychain();
        cli = new CliRunner(paths, new SecretStore(keychain));
    }

    @Test
    void connectionsAreAddedListedShownEditedAndRemovedWithoutPrintingSecrets() throws Exception {
        CliRunner.Run added = cli.run("connections", "add", "Warehouse", "--type", "postgresql", "-p", "host=db.internal",
                "-p", "database=warehouse", "-p", "user=analyst", "-p", "applicationName=nightly", "--secret", "password=env:WAREHOUSE_PW", "--kind", "production",
                "--folder", "Team");
        assertThat(added.exitCode()).as(added.all()).isZero();
        assertThat(added.out()).contains("Added connection 'Warehouse' (postgresql)");

        CliRunner.Run list = cli.run("connections", "list");
        assertThat(list.out().lines()).first().asString().startsWith("NAME").contains("MCP");
        assertThat(list.out()).contains("Sample").containsPattern("Warehouse\\s+Team\\s+postgresql\\s+production\\s+no\\s+hidden");

        JsonNode shown = JSON.readTree(cli.run("connections", "show", "Warehouse", "--format", "json").out());
        assertThat(shown.path("parameters").path("host").asText()).isEqualTo("db.internal");
        assertThat(shown.path("secretRefs").path("password").asText()).isEqualTo("env:WAREHOUSE_PW");
        assertThat(shown.path("mcp").path("available").asBoolean()).isFalse();

        CliRunner.Run edited = cli.run("connections", "edit", "Team/Warehouse", "--rename", "DWH", "--mcp", "--read-only",
                "-p", "port=6432", "--unset", "applicationName");
        assertThat(edited.exitCode()).as(edited.all()).isZero();
        JsonNode after = JSON.readTree(cli.run("connections", "show", "DWH", "--format", "json").out());
        assertThat(after.path("readOnly").asBoolean()).isTrue();
        assertThat(after.path("mcp").path("available").asBoolean()).isTrue();
        assertThat(after.path("mcp").path("mayWrite").asBoolean()).isFalse();
        assertThat(after.path("parameters").has("applicationName")).isFalse();
        assertThat(after.path("parameters").path("database").asText()).isEqualTo("warehouse");
        assertThat(after.path("parameters").path("port").asText()).isEqualTo("6432");

        assertThat(cli.run("connections", "remove", "DWH").exitCode()).isZero();
        assertThat(cli.run("connections", "list", "--format", "json").out()).doesNotContain("DWH");
        CliRunner.Run gone = cli.run("connections", "show", "DWH");
        assertThat(gone.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(gone.err().strip()).doesNotContain("\n").contains("There is no connection named 'DWH'").contains("Sample");
    }

    @Test
    void aSecretIsAskedOnTheTerminalKeptInTheKeychainAndNeverPrinted() {
        cli.terminal = prompt -> java.util.Optional.of("s3cret-value".toCharArray());
        CliRunner.Run added = cli.run("connections", "add", "Guarded", "--type", "h2", "-p", "path=" + paths.sampleDatabase(),
                "--ask-secret", "password");
        assertThat(added.exitCode()).as(added.all()).isZero();
        assertThat(keychain.entries()).containsValue("s3cret-value");
        CliRunner.Run shown = cli.run("connections", "show", "Guarded");
        assertThat(shown.out()).contains("keychain:").doesNotContain("s3cret-value");

        cli.terminal = Terminal.none();
        CliRunner.Run noTerminal = cli.run("connections", "add", "Other", "--type", "h2", "-p", "path=/x", "--ask-secret", "password");
        assertThat(noTerminal.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noTerminal.err()).contains("--secret password=env:VARIABLE");

        CliRunner.Run typedInline = cli.run("connections", "add", "Inline", "--type", "h2", "-p", "path=/x", "--secret", "password=hunter2");
        assertThat(typedInline.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(typedInline.err()).doesNotContain("hunter2").contains("not shown");
    }

    @Test
    void invalidSettingsAreRefusedWithTheFieldNamedAndNothingSaved() {
        CliRunner.Run unknownType = cli.run("connections", "add", "X", "--type", "oracle");
        assertThat(unknownType.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(unknownType.err()).contains("Unknown connection type 'oracle'");

        CliRunner.Run badPort = cli.run("connections", "add", "Y", "--type", "postgresql", "-p", "host=h", "-p", "user=u",
                "-p", "database=d", "-p", "port=abc");
        assertThat(badPort.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(badPort.err()).contains("'Port' must be a whole number");
        assertThat(cli.run("connections", "list").out()).doesNotContain("oracle").doesNotContainPattern("(?m)^Y ");
    }

    @Test
    void exportAndImportMoveConnectionsAndABadFileImportsNothing() throws Exception {
        cli.run("connections", "add", "Reports", "--type", "h2", "-p", "path=/data/reports", "--mcp-write");
        Path file = dir.resolve("export.json");
        CliRunner.Run exported = cli.run("connections", "export", "-o", file.toString(), "Reports");
        assertThat(exported.exitCode()).as(exported.all()).isZero();
        assertThat(Files.readString(file)).contains("\"Reports\"").contains("\"mayWrite\" : true").doesNotContain("Sample");

        cli.run("connections", "remove", "Reports");
        CliRunner.Run dry = cli.run("connections", "import", "--dry-run", file.toString());
        assertThat(dry.out()).contains("add      Reports (h2)").contains("Nothing was written");
        assertThat(cli.run("connections", "list").out()).doesNotContain("Reports");

        CliRunner.Run imported = cli.runWithInput(Files.readString(file), "connections", "import", "-");
        assertThat(imported.exitCode()).as(imported.all()).isZero();
        assertThat(cli.run("connections", "list").out()).containsPattern("Reports\\s+h2\\s+development\\s+no\\s+read-write");

        String broken = Files.readString(file).replace("\"h2\"", "\"nosuchdb\"");
        CliRunner.Run refused = cli.runWithInput(broken.replace("Reports", "Second"), "connections", "import", "-");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(refused.err()).contains("Entry 1 ('Second')");
        assertThat(cli.run("connections", "list").out()).doesNotContain("Second");
        assertThat(cli.run("connections", "import", dir.resolve("missing.json").toString()).exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    }

    @Test
    void testPrintsEachStageAndFailsWhenAnyConnectionFails() {
        CliRunner.Run ok = cli.run("connections", "test", "Sample");
        assertThat(ok.exitCode()).as(ok.all()).isZero();
        assertThat(ok.out()).contains("[ok]   Open database").contains("Server version: H2").contains("Connection works.");

        cli.run("connections", "add", "Broken", "--type", "h2", "-p", "path=" + dir.resolve("nowhere"));
        CliRunner.Run all = cli.run("connections", "test", "--all");
        assertThat(all.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(all.out()).contains("== Broken").contains("[FAIL] Open database").contains("There is no H2 database at")
                .contains("1 of 2 connections work.");
    }

    @Test
    void queryWritesValidCsvJsonAndJsonLinesThatKeepNullApartFromTheTextNull() throws Exception {
        String sql = "SELECT ID, FULL_NAME, CREDIT_LIMIT, NOTES, SIGNED_UP_ON, IS_BUSINESS FROM CUSTOMERS WHERE ID IN (41, 43, 45) ORDER BY ID";

        CliRunner.Run csv = cli.run("query", "-c", "Sample", "--format", "csv", sql);
        assertThat(csv.exitCode()).as(csv.all()).isZero();
        List<List<String>> records = parseCsv(csv.out());
        assertThat(records).hasSize(4);
        assertThat(records.get(0)).containsExactly("ID", "FULL_NAME", "CREDIT_LIMIT", "NOTES", "SIGNED_UP_ON", "IS_BUSINESS");
        assertThat(records.get(1).get(3)).isEqualTo("Prefers delivery before noon");
        assertThat(records.get(2).get(3)).as("the text 'NULL'").isEqualTo("NULL");
        assertThat(records.get(3).get(3)).as("a real NULL is an empty field").isNull();
        assertThat(records.get(3).get(2)).as("numeric at full scale").matches("\\d+\\.00");

        JsonNode array = JSON.readTree(cli.run("query", "-c", "Sample", "--format", "json", sql).out());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(3);
        assertThat(array.get(1).path("NOTES").isTextual()).isTrue();
        assertThat(array.get(1).path("NOTES").asText()).isEqualTo("NULL");
        assertThat(array.get(2).path("NOTES").isNull()).isTrue();
        assertThat(array.get(0).path("ID").isIntegralNumber()).isTrue();
        assertThat(array.get(0).path("IS_BUSINESS").isBoolean()).isTrue();
        assertThat(array.get(0).path("SIGNED_UP_ON").asText()).matches("\\d{4}-\\d{2}-\\d{2}");

        List<String> lines = cli.run("query", "-c", "Sample", "--format", "jsonl", sql).out().lines().toList();
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            assertThat(JSON.readTree(line).path("ID").asLong()).isIn(41L, 43L, 45L);
        }

        CliRunner.Run table = cli.run("query", "-c", "Sample", sql);
        assertThat(table.out()).contains("FULL_NAME").contains("(3 rows)");
    }

    @Test
    void theTableLinesColumnsUpWhateverTheScript() {
        CliRunner.Run run = cli.run("query", "-c", "Sample",
                "SELECT '日本語テキスト' AS NAME, 1 AS N UNION ALL SELECT 'Ada', 22 UNION ALL SELECT 'e' || CHAR(769) || 'té', 3");

        List<String> lines = run.out().lines().toList();
        // the N column starts at the same terminal column on every line
        int column = TerminalWidth.of(lines.get(0).substring(0, lines.get(0).indexOf('N', 1)));
        for (String line : lines.subList(2, 5)) {
            String before = line.substring(0, line.stripTrailing().lastIndexOf(' ') + 1);
            assertThat(TerminalWidth.of(before)).as(line).isEqualTo(column);
        }
    }

    @Test
    void aFileThatCannotBeWrittenOrReadIsSaidInWords() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");

        CliRunner.Run export = cli.run("connections", "export", "-o", notAFolder.resolve("team.json").toString());
        assertThat(export.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(export.err().lines()).singleElement().asString()
                .isEqualTo("sextant: Could not write " + notAFolder.resolve("team.json") + ": Not a directory.");

        CliRunner.Run query = cli.run("query", "-c", "Sample", "-f", dir.toString());
        assertThat(query.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(query.err()).startsWith("sextant: Could not read " + dir + ": ");
    }

    @Test
    void aScriptRunsEveryStatementInOrderAndWritesEachResult() throws Exception {
        String script = "CREATE TABLE SCRATCH (N INT, LABEL VARCHAR(10));\n"
                + "INSERT INTO SCRATCH VALUES (?, 'one'), (?, 'two');\n"
                + "SELECT N, LABEL FROM SCRATCH ORDER BY N;\n"
                + "SELECT COUNT(*) AS TOTAL FROM SCRATCH WHERE N > ?";

        CliRunner.Run csv = cli.run("query", "-c", "Sample", "--format", "csv", "--param", "1", "--param", "2", "--param", "1", script);
        assertThat(csv.exitCode()).as(csv.all()).isZero();
        assertThat(csv.out()).isEqualTo("update_count\n0\n\nupdate_count\n2\n\nN,LABEL\n1,one\n2,two\n\nTOTAL\n1\n");

        CliRunner.Run table = cli.run("query", "-c", "Sample", "SELECT 'a' AS ALPHA; SELECT 'b' AS BETA");
        assertThat(table.out()).containsSubsequence("ALPHA", "a", "(1 row)", "BETA", "b", "(1 row)");

        List<String> json = cli.run("query", "-c", "Sample", "--format", "json", "SELECT 1 AS A; SELECT 2 AS B").out().lines()
                .filter(l -> l.startsWith("{")).toList();
        assertThat(json).containsExactly("{\"A\":1}", "{\"B\":2}");
    }

    @Test
    void aScriptStopsAtTheStatementThatFailsAndSaysWhichAndWhere() {
        String script = "SELECT 1 AS ONE;\nSELECT * FROM NO_SUCH_TABLE;\nCREATE TABLE NEVER_MADE (N INT)";

        CliRunner.Run run = cli.run("query", "-c", "Sample", "--format", "csv", script);

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).as("the first statement's result came out").startsWith("ONE\n1\n");
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("sextant: Not found (at character " + (script.indexOf("NO_SUCH_TABLE") + 1) + "): Statement 2 of 3 failed, "
                        + "and the ones after it did not run: ");
        CliRunner.Run made = cli.run("query", "-c", "Sample", "--format", "csv",
                "SELECT COUNT(*) AS N FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'NEVER_MADE'");
        assertThat(made.out()).isEqualTo("N\n0\n");

        CliRunner.Run mismatch = cli.run("query", "-c", "Sample", "--param", "1", "CREATE TABLE NOT_EITHER (N INT); SELECT 1");
        assertThat(mismatch.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(mismatch.err()).contains("The script has 0 ? markers but 1 --param value was given. Nothing was run.");
        assertThat(cli.run("query", "-c", "Sample", "--format", "csv",
                "SELECT COUNT(*) AS N FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'NOT_EITHER'").out()).isEqualTo("N\n0\n");
    }

    @Test
    void datesAndTimesKeepOnePrecisionDownAColumnInEveryFormat() throws Exception {
        // one value on the minute and one with seconds: Java's own text would give 08:53 and 08:53:07
        String sql = "SELECT * FROM (VALUES (1, TIME '08:53:00', TIMESTAMP '2022-01-01 08:53:00',"
                + " TIMESTAMP WITH TIME ZONE '2022-01-01 08:53:00+01:00'),"
                + " (2, TIME '08:53:07', TIMESTAMP '2022-01-01 08:53:07.25', TIMESTAMP WITH TIME ZONE '2022-01-01 08:53:07+01:00'))"
                + " AS T(N, AT_TIME, AT_LOCAL, AT_ZONED) ORDER BY N";

        CliRunner.Run csv = cli.run("query", "-c", "Sample", "--format", "csv", sql);
        assertThat(csv.exitCode()).as(csv.all()).isZero();
        assertThat(csv.out()).isEqualTo("N,AT_TIME,AT_LOCAL,AT_ZONED\n"
                + "1,08:53:00,2022-01-01T08:53:00,2022-01-01T08:53:00+01:00\n"
                + "2,08:53:07,2022-01-01T08:53:07.25,2022-01-01T08:53:07+01:00\n");

        JsonNode first = JSON.readTree(cli.run("query", "-c", "Sample", "--format", "json", sql).out()).get(0);
        assertThat(first.path("AT_TIME").asText()).isEqualTo("08:53:00");
        assertThat(first.path("AT_LOCAL").asText()).isEqualTo("2022-01-01T08:53:00");
        assertThat(first.path("AT_ZONED").asText()).isEqualTo("2022-01-01T08:53:00+01:00");

        assertThat(cli.run("query", "-c", "Sample", sql).out()).contains("08:53:00  ").contains("2022-01-01T08:53:00+01:00");
    }

    @Test
    void queryTakesParametersAFileOrStdinAndStopsAtMaxRows() throws Exception {
        CliRunner.Run param = cli.run("query", "-c", "Sample", "--format", "csv", "--param", "7", "--param", "Region%",
                "SELECT ID FROM REGIONS WHERE ID = ? AND NAME NOT LIKE ?");
        assertThat(param.exitCode()).as(param.all()).isZero();
        assertThat(param.out()).isEqualTo("ID\n7\n");

        Path file = dir.resolve("q.sql");
        Files.writeString(file, "SELECT COUNT(*) AS N FROM ORDER_ITEMS");
        assertThat(cli.run("query", "-c", "Sample", "--format", "csv", "-f", file.toString()).out()).isEqualTo("N\n120000\n");
        assertThat(cli.runWithInput("SELECT 1 AS ONE", "query", "-c", "Sample", "--format", "csv", "-f", "-").out())
                .isEqualTo("ONE\n1\n");

        CliRunner.Run capped = cli.run("query", "-c", "Sample", "--format", "jsonl", "--max-rows", "5", "SELECT * FROM ORDER_ITEMS");
        assertThat(capped.out().lines()).hasSize(5);
        assertThat(capped.err()).contains("stopped after 5 rows");
        assertThat(cli.run("query", "-c", "Sample", "--max-rows", "2", "SELECT * FROM ORDER_ITEMS").out()).contains("(2 rows; more remain)");
    }

    @Test
    void badInputGetsOneLineOnStderrAndAnExitCodeScriptsCanTellApart() {
        CliRunner.Run unknown = cli.run("query", "-c", "Nope", "SELECT 1");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(unknown.err().lines()).hasSize(1);
        assertThat(unknown.out()).isEmpty();

        CliRunner.Run badSql = cli.run("query", "-c", "Sample", "SELEC * FROM CUSTOMERS");
        assertThat(badSql.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(badSql.err().lines()).singleElement().asString().startsWith("sextant: SQL error (at character 1)");

        CliRunner.Run missingValue = cli.run("query", "-c", "Sample", "SELECT * FROM REGIONS WHERE ID = ?");
        assertThat(missingValue.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(missingValue.err()).contains("The statement has 1 ? marker but 0 --param values were given. Nothing was run.");

        CliRunner.Run noValueForParam = cli.run("query", "-c", "Sample", "--param");
        assertThat(noValueForParam.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noValueForParam.err()).contains("--param").contains("sextant query --help");

        assertThat(cli.run("query", "-c", "Sample").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("query", "-c", "Sample", "-f", "x.sql", "SELECT 1").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("query", "-c", "Sample", "-f", dir.resolve("none.sql").toString()).exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(cli.run("query", "--nonsense").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("frobnicate").exitCode()).isEqualTo(ExitCode.USAGE);

        CliRunner.Run verbose = cli.run("query", "--verbose", "-c", "Sample", "SELEC 1");
        assertThat(verbose.err().lines().count()).as("details with --verbose").isGreaterThan(3);
    }

    @Test
    void onAProductionConnectionAChangeIsAskedForAndRefusedWhereNoOneCanBeAsked() {
        assertThat(cli.run("connections", "edit", "Sample", "--kind", "production").exitCode()).isZero();
        String exists = "SELECT COUNT(*) AS n FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'NOTES'";

        // a script (no terminal): refused, and nothing ran; reads are not asked about
        CliRunner.Run refused = cli.run("query", "-c", "Sample", "CREATE TABLE notes (id INT)");
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(ExitCode.INVALID);
        assertThat(refused.err().strip()).isEqualTo("sextant: CREATE TABLE changes data or schema on the production "
                + "connection 'Sample'. Nothing was run: answer y at the prompt, or add --yes.");
        CliRunner.Run count = cli.run("query", "-c", "Sample", "--format", "csv", exists);
        assertThat(count.out()).as(count.all()).isEqualTo("N\n0\n");

        // at a terminal: asked, and run on "y"
        List<String> asked = new ArrayList<>();
        cli.terminal = new Terminal() {
            @Override
            public java.util.Optional<char[]> readSecret(String prompt) {
                return java.util.Optional.empty();
            }

            @Override
            public boolean confirm(String question) {
                asked.add(question);
                return true;
            }
        };
        CliRunner.Run confirmed = cli.run("query", "-c", "Sample", "CREATE TABLE notes (id INT)");
        assertThat(confirmed.exitCode()).as(confirmed.all()).isZero();
        assertThat(asked).containsExactly("CREATE TABLE changes data or schema on the production connection 'Sample'. "
                + "Run it? [y/N] ");
        assertThat(cli.run("query", "-c", "Sample", "--format", "csv", exists).out()).isEqualTo("N\n1\n");
        assertThat(cli.run("query", "-c", "Sample", "SELECT * FROM notes").exitCode()).isZero();
        assertThat(asked).as("a read is not asked about").hasSize(1);

        // --yes runs without asking; a script with a write among reads is caught
        cli.terminal = Terminal.none();
        CliRunner.Run withYes = cli.run("query", "-c", "Sample", "--yes", "INSERT INTO notes VALUES (1)");
        assertThat(withYes.exitCode()).as(withYes.all()).isZero();
        CliRunner.Run script = cli.run("query", "-c", "Sample", "SELECT 1; DROP TABLE notes");
        assertThat(script.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(script.err()).contains("DROP TABLE changes data or schema");
        assertThat(cli.run("query", "-c", "Sample", "--format", "csv", exists).out()).isEqualTo("N\n1\n");
    }

    @Test
    void aParameterOfBackslashNIsSqlNullAndTwoBackslashesKeepTheText() {
        CliRunner.Run run = cli.run("query", "-c", "Sample", "--format", "csv", "--param", "\\N", "--param", "\\\\N",
                "--param", "", "SELECT CAST(? AS VARCHAR) IS NULL AS A, CAST(? AS VARCHAR) AS B, CAST(? AS VARCHAR) IS NULL AS C");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).as("NULL, the text \\N, and an empty text that is not NULL").isEqualTo("A,B,C\ntrue,\\N,false\n");
    }

    @Test
    void helpIsThereForEveryCommand() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"connections", "--help"},
                new String[] {"connections", "add", "--help"}, new String[] {"query", "--help"},
                new String[] {"schema", "--help"}, new String[] {"mcp", "--help"})) {
            CliRunner.Run help = cli.run(args);
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).startsWith("Usage: sextant");
        }
        assertThat(cli.run("query", "--help").out()).contains("--max-rows").contains("jsonl");
    }

    @Test
    void schemaPrintsTheTreeOrJson() throws Exception {
        CliRunner.Run tree = cli.run("schema", "-c", "Sample", "--schema", "PUBLIC");
        assertThat(tree.exitCode()).as(tree.all()).isZero();
        assertThat(tree.out()).contains("PUBLIC").contains("  CUSTOMERS  (table")
                .containsPattern("    ID +BIGINT +PK  not null").contains("foreign key FK_CUSTOMERS_REGION (REGION_ID) -> PUBLIC.REGIONS (ID)");
        // a table's column names and types line up
        List<String> customers = tree.out().lines().dropWhile(l -> !l.startsWith("  CUSTOMERS  ")).skip(1)
                .takeWhile(l -> l.startsWith("    ") && !l.startsWith("    foreign key")).toList();
        assertThat(customers).hasSizeGreaterThan(5).allSatisfy(l -> assertThat(l.indexOf(l.strip().split(" +")[1], 4))
                .as(l).isEqualTo(customers.get(0).indexOf("BIGINT")));

        JsonNode json = JSON.readTree(cli.run("schema", "-c", "Sample", "--format", "json").out());
        List<String> schemas = new ArrayList<>();
        json.path("schemas").forEach(s -> schemas.add(s.path("ref").path("name").asText()));
        assertThat(schemas).contains("PUBLIC", "ANALYTICS").doesNotContain("INFORMATION_SCHEMA");
        assertThat(cli.run("schema", "-c", "Sample", "--schema", "NOPE").exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    }

    /** A strict RFC 4180 reader: a field left empty is null, a quoted empty field is "". */
    static List<List<String>> parseCsv(String text) throws Exception {
        List<List<String>> records = new ArrayList<>();
        StringReader in = new StringReader(text);
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int c;
        while ((c = in.read()) != -1) {
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    if (in.read() == '"') {
                        field.append('"');
                    } else {
                        in.reset();
                        quoted = false;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                assertThat(field).as("a quote starts a field").isEmpty();
                quoted = true;
                wasQuoted = true;
            } else if (c == ',' || c == '\n') {
                record.add(field.length() == 0 && !wasQuoted ? null : field.toString());
                field.setLength(0);
                wasQuoted = false;
                if (c == '\n') {
                    records.add(record);
                    record = new ArrayList<>();
                }
            } else {
                field.append((char) c);
            }
        }
        assertThat(quoted).as("every quote is closed").isFalse();
        assertThat(field).as("the last record ends with a line end").isEmpty();
        return records;
    }
}

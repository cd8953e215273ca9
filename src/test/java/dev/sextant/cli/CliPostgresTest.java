package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.app.AppPaths;
import dev.sextant.secret.FakeKeychain;
import dev.sextant.secret.SecretStore;
import dev.sextant.testing.TestPostgres;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against a real PostgreSQL, with a password that only the keychain or a prompt gives. */
class CliPostgresTest {

    private static final String PASSWORD = "cli-pw-7f3a";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String database;

    @TempDir
    Path dir;
    private CliRunner cli;
    private FakeKeychain keychain;

    @BeforeAll
    static void server() {
        database = TestPostgres.newDatabase("cli");
        TestPostgres.createPasswordUser("cli_reader", PASSWORD);
        TestPostgres.execute(database,
                "CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, price numeric(12,2), tags text[], "
                        + "data jsonb, added timestamptz)",
                "COMMENT ON TABLE items IS 'What the shop sells'",
                "INSERT INTO items VALUES (1, 'lamp', 19.90, '{light,home}', '{\"w\": 40}', '2024-05-01 10:00:00+00'), "
                        + "(2, 'desk', 249.00, '{}', NULL, NULL), (3, 'chair', NULL, NULL, '[1, 2]', '2024-05-02 08:30:00+02')",
                "GRANT SELECT ON items TO cli_reader");
    }

    @BeforeEach
    void home() {
        keychain = new FakeKeychain();
        cli = new CliRunner(new AppPaths(dir.resolve("home")), new SecretStore(keychain));
        CliRunner.Run added = cli.run("connections", "add", "Shop", "--type", "postgresql", "-p", "host=127.0.0.1",
                "-p", "port=" + TestPostgres.port(), "-p", "database=" + database, "-p", "user=cli_reader",
                "-p", "sslMode=disable", "--secret", "password=keychain:shop-password");
        assertThat(added.exitCode()).as(added.all()).isZero();
        keychain.set("shop-password", PASSWORD);
    }

    @Test
    void aScriptsStatementsShareOneSessionAndEachWritesItsResult() {
        // a setting made by the first statement is seen by the next; a jsonb ? operator is not a marker
        CliRunner.Run run = cli.run("query", "-c", "Shop", "--format", "csv", "--param", "lamp",
                "SET search_path TO pg_catalog, public; SELECT current_schemas(false)::text AS path; "
                        + "SELECT id FROM items WHERE data ? 'w' AND name = ?");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).isEqualTo("update_count\n0\n\npath\n\"{pg_catalog,public}\"\n\nid\n1\n");
    }

    @Test
    void queriesStreamPostgresValuesAndParametersTakeTheTypeTheStatementNeeds() throws Exception {
        CliRunner.Run byId = cli.run("query", "-c", "Shop", "--format", "json", "--param", "1", "SELECT * FROM items WHERE id = ?");
        assertThat(byId.exitCode()).as(byId.all()).isZero();
        JsonNode lamp = JSON.readTree(byId.out()).get(0);
        assertThat(lamp.path("name").asText()).isEqualTo("lamp");
        assertThat(lamp.path("price").decimalValue()).isEqualByComparingTo("19.90");
        assertThat(lamp.path("tags").isArray()).isTrue();
        assertThat(lamp.path("tags").get(1).asText()).isEqualTo("home");
        assertThat(lamp.path("added").asText()).startsWith("2024-05-01T10:00");

        CliRunner.Run byDate = cli.run("query", "-c", "Shop", "--format", "csv", "--param", "2024-05-01T12:00:00Z",
                "--param", "chair", "SELECT id FROM items WHERE added > ? AND name = ? ORDER BY id");
        assertThat(byDate.out()).as(byDate.all()).isEqualTo("id\n3\n");

        CliRunner.Run withNull = cli.run("query", "-c", "Shop", "--format", "csv", "--param", "\\N",
                "SELECT count(*) AS n FROM items WHERE price IS NOT DISTINCT FROM ?::numeric");
        assertThat(withNull.out()).as(withNull.all()).isEqualTo("n\n1\n");

        CliRunner.Run readOnlyUser = cli.run("query", "-c", "Shop", "DELETE FROM items");
        assertThat(readOnlyUser.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(readOnlyUser.err()).contains("Permission denied");
        assertThat(readOnlyUser.all()).doesNotContain(PASSWORD);
    }

    @Test
    void schemaAndTestWorkOnPostgres() throws Exception {
        CliRunner.Run tree = cli.run("schema", "-c", "Shop");
        assertThat(tree.exitCode()).as(tree.all()).isZero();
        assertThat(tree.out()).contains("public").contains("items  (table").contains("-- What the shop sells")
                .containsPattern("    id +integer +PK  not null");
        assertThat(tree.out()).doesNotContain("pg_catalog");

        CliRunner.Run test = cli.run("connections", "test", "Shop");
        assertThat(test.exitCode()).as(test.all()).isZero();
        assertThat(test.out()).contains("Connection works.").doesNotContain(PASSWORD);
    }

    @Test
    void aPasswordTheKeychainCannotGiveIsAskedForOrNamedInTheError() {
        keychain.delete("shop-password");

        CliRunner.Run noTerminal = cli.run("query", "-c", "Shop", "SELECT 1");
        assertThat(noTerminal.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(noTerminal.err().strip()).doesNotContain("\n").contains("'password' of connection 'Shop'")
                .contains("no entry in the system keychain");

        String[] asked = new String[1];
        cli.terminal = prompt -> {
            asked[0] = prompt;
            return Optional.of(PASSWORD.toCharArray());
        };
        CliRunner.Run prompted = cli.run("query", "-c", "Shop", "--format", "csv", "SELECT count(*) AS n FROM items");
        assertThat(prompted.exitCode()).as(prompted.all()).isZero();
        assertThat(prompted.out()).isEqualTo("n\n3\n");
        assertThat(asked[0]).isEqualTo("Password for connection 'Shop' (no entry in the system keychain): ");
        assertThat(prompted.all()).doesNotContain(PASSWORD);

        cli.terminal = prompt -> Optional.of("wrong".toCharArray());
        CliRunner.Run wrong = cli.run("connections", "test", "Shop");
        assertThat(wrong.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(wrong.out()).contains("[FAIL]").contains("Connection failed.");
    }
}

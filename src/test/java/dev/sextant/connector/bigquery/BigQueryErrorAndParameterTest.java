package dev.sextant.connector.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.ResultCursor;
import dev.sextant.testing.BigQueryStandIn;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each error BigQuery returns, as the user reads it; and query parameters typed from Java values. */
class BigQueryErrorAndParameterTest extends StandInTestBase {

    private Consumer<Throwable> failsWith(ErrorKind kind, String... texts) {
        return t -> {
            assertThat(t).isInstanceOf(ConnectorException.class);
            assertThat(((ConnectorException) t).kind()).isEqualTo(kind);
            assertThat(t.getMessage()).contains(texts);
        };
    }

    private ConnectorException run(String sql) {
        try (BigQueryConnector c = connect()) {
            try (ResultCursor ignored = c.openCursor(sql, List.of(), 100)) {
                throw new AssertionError("expected " + sql + " to fail");
            }
        } catch (ConnectorException e) {
            return e;
        }
    }

    @Test
    void anInvalidQueryCarriesThePositionTheEditorMarks() {
        String sql = "SELECT *\nFROM shop.orders FORM x";
        standIn.script(sql, BigQueryStandIn.Script.error(400, "invalidQuery",
                "Syntax error: Expected end of input but got identifier \"FORM\" at [2:18]"));
        ConnectorException e = run(sql);
        assertThat(e).satisfies(failsWith(ErrorKind.SYNTAX, "Expected end of input but got identifier \"FORM\" at [2:18]"));
        assertThat(e.position()).contains(sql.indexOf("FORM"));
        assertThat(e.sqlState()).contains("invalidQuery");
    }

    @Test
    void accessDeniedNamesTheRolesToAskFor() {
        standIn.script("SELECT * FROM secret.payroll", BigQueryStandIn.Script.error(403, "accessDenied",
                "Access Denied: Table sextant-test:secret.payroll: User does not have permission to query table."));
        assertThat(run("SELECT * FROM secret.payroll")).satisfies(failsWith(ErrorKind.PERMISSION,
                "BigQuery denied access: Access Denied: Table sextant-test:secret.payroll", "BigQuery Data Viewer"));
    }

    @Test
    void notFoundSaysToCheckNamesAndLocation() {
        standIn.script("SELECT * FROM shop.nope", BigQueryStandIn.Script.error(404, "notFound",
                "Not found: Table sextant-test:shop.nope was not found in location US"));
        assertThat(run("SELECT * FROM shop.nope")).satisfies(failsWith(ErrorKind.NOT_FOUND,
                "Not found: Table sextant-test:shop.nope", "location"));
    }

    @Test
    void aRateLimitIsRetriedByTheClientAndThenReportedAsQuota() {
        standIn.fail("POST", ".*/queries", 5, 429, "rateLimitExceeded",
                "Exceeded rate limits: too many api requests per user per method for this user_method.");
        assertThat(run("SELECT * FROM shop.orders")).satisfies(failsWith(ErrorKind.QUOTA,
                "rate limit", "after 3 attempts", "Exceeded rate limits"));
        assertThat(standIn.requests("POST", ".*/queries")).as("every attempt the retry settings allow").hasSize(3);
    }

    @Test
    void aRateLimitThatPassesIsInvisibleToTheUser() throws Exception {
        standIn.fail("POST", ".*/queries", 2, 403, "rateLimitExceeded",
                "Exceeded rate limits: too many concurrent queries for this project_and_region.");
        try (BigQueryConnector c = connect()) {
            assertThat(c.executeSqlStatement("SELECT * FROM shop.orders", null, 3)).hasSize(3);
        }
        assertThat(standIn.requests("POST", ".*/queries")).hasSize(3);
    }

    @Test
    void aQuotaThatIsUsedUpIsReportedAtOnce() {
        standIn.fail("POST", ".*/queries", 1, 403, "quotaExceeded",
                "Quota exceeded: Your project exceeded quota for free query bytes scanned.");
        assertThat(run("SELECT * FROM shop.orders")).satisfies(failsWith(ErrorKind.QUOTA, "quota is used up", "free query bytes"));
        assertThat(standIn.requests("POST", ".*/queries")).as("a used-up quota is not retried").hasSize(1);
    }

    @Test
    void anUnknownStatementIsASyntaxError() {
        ConnectorException e = run("SELEKT 1");
        assertThat(e).satisfies(failsWith(ErrorKind.SYNTAX, "Unexpected identifier \"SELEKT\""));
        assertThat(e.position()).contains(0);
    }

    @Test
    void positionalParametersAreTypedFromTheirJavaValues() {
        String sql = "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
        standIn.script(sql, BigQueryStandIn.Script.echoParameters());
        Map<String, Object> struct = new LinkedHashMap<>();
        struct.put("city", "Graz");
        struct.put("zip", 8010L);
        List<Object> params = Arrays.asList(42L, "text", new BigDecimal("12.345"), new BigDecimal("1.0123456789012"), true,
                LocalDate.of(2024, 2, 29), OffsetDateTime.of(2024, 2, 29, 23, 0, 0, 123_456_000, ZoneOffset.ofHours(2)),
                LocalDateTime.of(2024, 1, 2, 3, 4, 5, 600_000_000), LocalTime.of(7, 8, 9), new byte[] {1, 2, 3},
                List.of(1L, 2L, 3L), struct, null);
        List<Object> values;
        try (BigQueryConnector c = connect()) {
            values = new ArrayList<>(c.executeSqlStatement(sql, params, null).get(0).values());
        }
        JsonNode sent = standIn.requests("POST", ".*/queries").get(0).body();
        assertThat(sent.path("queryParameters")).as("positional: no names").allSatisfy(p -> assertThat(p.has("name")).isFalse());
        List<String> types = new ArrayList<>();
        sent.path("queryParameters").forEach(p -> types.add(p.path("parameterType").path("type").asText()
                + (p.path("parameterType").has("arrayType") ? "<" + p.path("parameterType").path("arrayType").path("type").asText() + ">" : "")));
        assertThat(types).containsExactly("INT64", "STRING", "NUMERIC", "BIGNUMERIC", "BOOL", "DATE", "TIMESTAMP", "DATETIME",
                "TIME", "BYTES", "ARRAY<INT64>", "STRUCT", "STRING");

        assertThat(values.get(0)).isEqualTo(42L);
        assertThat(values.get(1)).isEqualTo("text");
        assertThat(values.get(2)).isEqualTo(new BigDecimal("12.345"));
        assertThat(values.get(3)).isEqualTo(new BigDecimal("1.0123456789012"));
        assertThat(values.get(4)).isEqualTo(true);
        assertThat(values.get(5)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(values.get(6)).as("a timestamp comes back as the same instant, in UTC")
                .isEqualTo(OffsetDateTime.of(2024, 2, 29, 21, 0, 0, 123_456_000, ZoneOffset.UTC));
        assertThat(values.get(7)).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 600_000_000));
        assertThat(values.get(8)).isEqualTo(LocalTime.of(7, 8, 9));
        assertThat((byte[]) values.get(9)).containsExactly(1, 2, 3);
        assertThat(values.get(10)).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(values.get(11)).isEqualTo(Map.of("city", "Graz", "zip", 8010L));
        assertThat(values.get(12)).isNull();
    }

    @Test
    void namedParametersAreSentByName() {
        String sql = "SELECT * FROM shop.orders WHERE customer.address.city = @city AND created >= @since";
        standIn.script(sql, BigQueryStandIn.Script.echoParameters());
        try (BigQueryConnector c = connect()) {
            Map<String, Object> row = c.executeSqlStatement(sql, List.of(Map.entry("city", "Lyon"),
                    Map.entry("since", Instant.parse("2024-03-01T00:00:00Z"))), null).get(0);
            assertThat(row).containsEntry("city", "Lyon")
                    .containsEntry("since", OffsetDateTime.of(2024, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC));
            Map<String, Object> asMap = c.executeSqlStatement(sql, List.of(Map.of("@city", "Porto",
                    "since", Instant.parse("2024-01-01T00:00:00Z"))), null).get(0);
            assertThat(asMap).containsEntry("city", "Porto");
        }
        JsonNode sent = standIn.requests("POST", ".*/queries").get(0).body();
        assertThat(sent.path("queryParameters").get(0).path("name").asText()).isEqualTo("city");
        assertThat(sent.path("queryParameters").get(1).path("name").asText()).isEqualTo("since");
    }

    @Test
    void aValueWithoutABigQueryTypeIsRefusedBeforeSending() {
        try (BigQueryConnector c = connect()) {
            assertThatThrownBy(() -> c.executeSqlStatement("SELECT ?", List.of(new Object()), null))
                    .satisfies(failsWith(ErrorKind.SYNTAX, "parameter 1", "Object"));
        }
        assertThat(standIn.requests("POST", ".*/queries")).isEmpty();
    }
}

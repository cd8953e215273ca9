package dev.sextant.sql;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SQL dialects the editor understands, with what differs between them: quoting, comments,
 * parameters, and the keywords and functions that highlighting and autocomplete offer.
 */
public enum Syntax {
    POSTGRESQL("PostgreSQL", "public"),
    BIGQUERY("BigQuery", ""),
    H2("H2", "PUBLIC");

    private final String dialectName;
    private final String defaultSchema;

    Syntax(String dialectName, String defaultSchema) {
        this.dialectName = dialectName;
        this.defaultSchema = defaultSchema;
    }

    /** The syntax for a connector dialect's name ("PostgreSQL", "BigQuery", "H2"); PostgreSQL when unknown. */
    public static Syntax forDialectName(String name) {
        for (Syntax s : values()) {
            if (s.dialectName.equalsIgnoreCase(name)) {
                return s;
            }
        }
        return POSTGRESQL;
    }

    public String dialectName() {
        return dialectName;
    }

    /** The schema unqualified names resolve to by default, or empty when there is none (BigQuery). */
    public String defaultSchema() {
        return defaultSchema;
    }

    /** {@code $tag$ ... $tag$} bodies. */
    boolean dollarQuotes() {
        return this != BIGQUERY;
    }

    /** {@code /* /* *}{@code / *}{@code /} nests in PostgreSQL only. */
    boolean nestedComments() {
        return this == POSTGRESQL;
    }

    /** BigQuery reads {@code "..."} as a string and {@code `...`} as a name. */
    boolean doubleQuotedStrings() {
        return this == BIGQUERY;
    }

    /** Unquoted names fold to upper case in H2, to lower case in PostgreSQL, and keep their case in BigQuery. */
    public String fold(String identifier) {
        return switch (this) {
            case H2 -> identifier.toUpperCase(Locale.ROOT);
            case POSTGRESQL -> identifier.toLowerCase(Locale.ROOT);
            case BIGQUERY -> identifier;
        };
    }

    public boolean isKeyword(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        return COMMON_KEYWORDS.contains(upper) || extraKeywords().contains(upper);
    }

    public boolean isFunction(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        return COMMON_FUNCTIONS.contains(upper) || extraFunctions().contains(upper);
    }

    /** Every keyword of this dialect, sorted, for autocomplete. */
    public Set<String> keywords() {
        Set<String> all = new TreeSet<>(COMMON_KEYWORDS);
        all.addAll(extraKeywords());
        return all;
    }

    /** Every built-in function name the editor knows for this dialect, sorted, for autocomplete. */
    public Set<String> functions() {
        Set<String> all = new TreeSet<>(COMMON_FUNCTIONS);
        all.addAll(extraFunctions());
        return all;
    }

    private Set<String> extraKeywords() {
        return switch (this) {
            case POSTGRESQL -> POSTGRES_KEYWORDS;
            case BIGQUERY -> BIGQUERY_KEYWORDS;
            case H2 -> H2_KEYWORDS;
        };
    }

    private Set<String> extraFunctions() {
        return switch (this) {
            case POSTGRESQL -> POSTGRES_FUNCTIONS;
            case BIGQUERY -> BIGQUERY_FUNCTIONS;
            case H2 -> H2_FUNCTIONS;
        };
    }

    private static Set<String> words(String text) {
        return Set.of(text.trim().split("\\s+"));
    }

    private static final Set<String> COMMON_KEYWORDS = words("""
            ADD ALL ALTER AND ANY AS ASC BEGIN BETWEEN BY CASCADE CASE CAST CHECK COLUMN COMMIT CONSTRAINT CREATE
            CROSS CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER DATABASE DEFAULT DELETE DESC DISTINCT DROP
            ELSE END ESCAPE EXCEPT EXISTS EXPLAIN FALSE FETCH FIRST FOLLOWING FOR FOREIGN FROM FULL FUNCTION GRANT
            GROUP HAVING IF IN INDEX INNER INSERT INTERSECT INTERVAL INTO IS JOIN KEY LAST LATERAL LEFT LIKE LIMIT
            MERGE NATURAL NOT NULL NULLS OF OFFSET ON OR ORDER OUTER OVER PARTITION PRECEDING PRIMARY PROCEDURE
            RANGE RECURSIVE REFERENCES RENAME REPLACE RESTRICT REVOKE RIGHT ROLLBACK ROW ROWS SCHEMA SELECT SET SHOW
            SOME TABLE TEMPORARY THEN TO TRANSACTION TRUE TRUNCATE UNBOUNDED UNION UNIQUE UPDATE USING VALUES VIEW
            WHEN WHERE WINDOW WITH
            BIGINT BOOLEAN CHAR CHARACTER DATE DECIMAL DOUBLE FLOAT INT INTEGER NUMERIC REAL SMALLINT TIME TIMESTAMP
            VARCHAR VARYING ZONE
            """);

    private static final Set<String> POSTGRES_KEYWORDS = words("""
            ANALYZE ATOMIC BIGSERIAL BYTEA CALL CLUSTER COMMENT CONCURRENTLY CONFLICT COPY DO DOMAIN EXTENSION ILIKE
            INHERITS JSON JSONB LANGUAGE LISTEN LOCK MATERIALIZED NOTHING NOTIFY NOWAIT OWNER PLPGSQL REFRESH REINDEX
            RETURNING RETURNS SEARCH SECURITY SEQUENCE SERIAL SIMILAR SKIP LOCKED TABLESAMPLE TEXT TIMESTAMPTZ TRIGGER
            TYPE UUID VACUUM VARIADIC VERBOSE ENUM SETOF INOUT OUT STABLE IMMUTABLE VOLATILE STRICT
            """);

    private static final Set<String> BIGQUERY_KEYWORDS = words("""
            ARRAY ASSERT BIGNUMERIC BREAK BYTES CLUSTER CONTINUE DATASET DATETIME DECLARE DO ELSEIF EXCEPTION EXECUTE
            FLOAT64 FOR GEOGRAPHY IMMEDIATE INT64 ITERATE JSON LEAVE LOOP MODEL OPTIONS PIVOT QUALIFY RAISE REPEAT
            RETURN STRING STRUCT TABLESAMPLE UNNEST UNPIVOT UNTIL WHILE
            """);

    private static final Set<String> H2_KEYWORDS = words("""
            ALIAS AUTO_INCREMENT BINARY BLOB CALL CLOB COMMENT DOMAIN IDENTITY JSON LOCK MINUS QUALIFY RUNSCRIPT
            SCRIPT SEQUENCE TOP TRIGGER UUID VARBINARY
            """);

    private static final Set<String> COMMON_FUNCTIONS = words("""
            ABS AVG CEIL CEILING COALESCE CONCAT COUNT CUME_DIST DENSE_RANK EXP FIRST_VALUE FLOOR GREATEST LAG
            LAST_VALUE LEAD LEAST LENGTH LN LOG LOWER LTRIM MAX MIN MOD NTILE NULLIF PERCENT_RANK POWER RANK REPLACE
            ROUND ROW_NUMBER RTRIM SIGN SQRT STDDEV SUBSTR SUBSTRING SUM TRIM UPPER
            """);

    private static final Set<String> POSTGRES_FUNCTIONS = words("""
            AGE ARRAY_AGG ARRAY_LENGTH BOOL_AND BOOL_OR BTRIM DATE_PART DATE_TRUNC EXTRACT FORMAT GENERATE_SERIES
            INITCAP JSON_AGG JSONB_AGG JSONB_BUILD_OBJECT JSON_BUILD_OBJECT JSONB_EACH JSONB_ARRAY_ELEMENTS
            LEFT MD5 NEXTVAL NOW POSITION REGEXP_MATCHES REGEXP_REPLACE RIGHT SPLIT_PART STRING_AGG TO_CHAR TO_DATE
            TO_NUMBER TO_TIMESTAMP UNNEST CURRVAL SETVAL STRPOS PG_SIZE_PRETTY PG_TOTAL_RELATION_SIZE
            """);

    private static final Set<String> BIGQUERY_FUNCTIONS = words("""
            ANY_VALUE APPROX_COUNT_DISTINCT ARRAY_AGG ARRAY_LENGTH ARRAY_TO_STRING COUNTIF CURRENT_DATETIME
            DATE_ADD DATE_DIFF DATE_SUB DATE_TRUNC DATETIME_DIFF EXTRACT FORMAT FORMAT_DATE FORMAT_TIMESTAMP
            GENERATE_ARRAY GENERATE_DATE_ARRAY IFNULL JSON_EXTRACT JSON_EXTRACT_SCALAR JSON_QUERY JSON_VALUE LOGICAL_AND
            LOGICAL_OR PARSE_DATE PARSE_TIMESTAMP REGEXP_CONTAINS REGEXP_EXTRACT REGEXP_REPLACE SAFE_CAST SAFE_DIVIDE
            SPLIT STARTS_WITH STRING_AGG STRUCT TIMESTAMP_ADD TIMESTAMP_DIFF TIMESTAMP_TRUNC TO_JSON_STRING IF
            """);

    private static final Set<String> H2_FUNCTIONS = words("""
            ARRAY_AGG ARRAY_LENGTH CURRENT_SCHEMA DATEADD DATEDIFF EXTRACT FORMATDATETIME IFNULL LISTAGG NVL
            PARSEDATETIME POSITION RAND RANDOM_UUID REGEXP_REPLACE TO_CHAR TRUNC H2VERSION
            """);
}

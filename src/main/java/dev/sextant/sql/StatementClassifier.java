package dev.sextant.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells, from the text alone, whether a statement may change data or schema, for the confirmation a
 * production connection asks for. It is a guard for people, not an enforcement (read-only connections
 * are enforced by the server), so it leans to "changes": only statements known to read are let through
 * without asking. Where the database can tell (BigQuery's dry run), its answer is used instead.
 */
public final class StatementClassifier {

    /** @param verb the statement's leading keywords, e.g. "DELETE" or "DROP TABLE", for the prompt */
    public record Verdict(boolean changes, String verb) {
    }

    private static final Set<String> READING = Set.of("SELECT", "WITH", "VALUES", "TABLE", "SHOW", "EXPLAIN",
            "DESCRIBE", "DESC", "HELP", "FETCH", "(");
    /** Session and transaction control: changes neither data nor schema by itself. */
    private static final Set<String> SESSION = Set.of("SET", "RESET", "BEGIN", "START", "COMMIT", "END", "ROLLBACK",
            "ABORT", "SAVEPOINT", "RELEASE", "DISCARD", "LISTEN", "UNLISTEN", "DEALLOCATE", "CLOSE", "MOVE", "DECLARE");
    private static final Set<String> WRITING = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "UPSERT",
            "REPLACE", "CREATE", "DROP", "ALTER", "GRANT", "REVOKE", "COPY", "CALL", "DO", "EXECUTE", "VACUUM",
            "REINDEX", "CLUSTER", "REFRESH", "COMMENT", "SECURITY", "IMPORT", "LOAD", "EXPORT", "RUNSCRIPT", "SCRIPT",
            "BACKUP", "SHUTDOWN", "LOCK", "NOTIFY", "PREPARE", "ANALYZE");

    private StatementClassifier() {
    }

    public static Verdict classify(String statement, Syntax syntax) {
        List<String> words = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        int depth = 0;
        for (Token t : SqlLexer.tokenize(statement, syntax)) {
            if (!t.significant()) {
                continue;
            }
            String text = t.text(statement);
            if (t.type() == TokenType.PUNCTUATION && text.equals("(")) {
                if (words.isEmpty()) {
                    words.add("(");
                    depths.add(0);
                }
                depth++;
            } else if (t.type() == TokenType.PUNCTUATION && text.equals(")")) {
                depth = Math.max(0, depth - 1);
            } else if (t.type() == TokenType.WORD) {
                words.add(text.toUpperCase(Locale.ROOT));
                depths.add(depth);
            }
        }
        if (words.isEmpty()) {
            return new Verdict(false, "");
        }
        String first = words.get(0);
        String verb = words.size() > 1 && Set.of("CREATE", "DROP", "ALTER", "TRUNCATE").contains(first)
                ? first + " " + words.get(1) : first;
        if (SESSION.contains(first)) {
            boolean transactionRead = !first.equals("SET") || !words.contains("READ") || !words.contains("WRITE");
            return new Verdict(!transactionRead, verb);
        }
        if (first.equals("EXPLAIN")) {
            // EXPLAIN ANALYZE runs the statement it explains
            boolean analyze = words.size() > 1 && (words.get(1).equals("ANALYZE") || words.contains("ANALYZE"));
            boolean inner = words.stream().skip(1).anyMatch(WRITING::contains);
            return new Verdict(analyze && inner, verb);
        }
        if (READING.contains(first)) {
            for (int i = 1; i < words.size(); i++) {
                String w = words.get(i);
                if (Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE").contains(w) && !isForUpdate(words, i)) {
                    return new Verdict(true, first + " … " + w); // a data-modifying CTE
                }
                if (w.equals("INTO") && depths.get(i) == 0 && syntax == Syntax.POSTGRESQL && first.equals("SELECT")) {
                    return new Verdict(true, "SELECT INTO"); // creates a table
                }
            }
            return new Verdict(false, verb);
        }
        return new Verdict(true, verb);
    }

    /** {@code FOR UPDATE} / {@code FOR NO KEY UPDATE} lock rows but change nothing. */
    private static boolean isForUpdate(List<String> words, int i) {
        return words.get(i).equals("UPDATE") && i > 0
                && (words.get(i - 1).equals("FOR") || words.get(i - 1).equals("KEY"));
    }
}

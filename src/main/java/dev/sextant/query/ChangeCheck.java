package dev.sextant.query;

import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.QueryEstimate;
import dev.sextant.sql.StatementClassifier;
import dev.sextant.sql.Syntax;
import java.util.List;
import java.util.Optional;

/**
 * Whether a statement changes data or schema, for the confirmation a production connection asks for
 * before running it (in the editor and on the command line). Where the database can tell without running
 * it (BigQuery's dry run), its statement type decides; otherwise the statement's leading keywords do
 * ({@link StatementClassifier}, which leans to "changes").
 */
public final class ChangeCheck {

    /** Asks the database what a statement would do; empty when it cannot tell. May block. */
    @FunctionalInterface
    public interface Estimator {
        Optional<QueryEstimate> estimate(String sql, List<?> params);
    }

    private ChangeCheck() {
    }

    /**
     * The statement's verb ("DELETE", "DROP TABLE", BigQuery's "INSERT") when it changes data or schema,
     * else empty.
     *
     * @param text      the statement as the user wrote it, for the keywords
     * @param sql       the statement as it is sent, with its parameter values, for the estimate
     * @param estimator null where the database cannot estimate
     */
    public static Optional<String> changingVerb(String text, String sql, List<?> values, Syntax syntax,
                                                Estimator estimator) {
        Optional<QueryEstimate> estimate = Optional.empty();
        if (estimator != null) {
            try {
                estimate = estimator.estimate(sql, values);
            } catch (ConnectorException e) {
                // an invalid statement: running it will say why; until then, judge by its words
            }
        }
        if (estimate.isPresent()) {
            return estimate.get().query() ? Optional.empty() : Optional.of(estimate.get().statementType());
        }
        StatementClassifier.Verdict verdict = StatementClassifier.classify(text, syntax);
        return verdict.changes() ? Optional.of(verdict.verb()) : Optional.empty();
    }

    /** The question for the user, e.g. "DELETE changes data or schema on the production connection 'Ledger'." */
    public static String question(List<String> verbs, String connectionName) {
        String what = verbs.size() == 1 ? verbs.get(0)
                : verbs.size() + " statements (" + String.join(", ", verbs.stream().distinct().toList()) + ")";
        return what + (verbs.size() == 1 ? " changes" : " change") + " data or schema on the production connection '"
                + connectionName + "'.";
    }
}

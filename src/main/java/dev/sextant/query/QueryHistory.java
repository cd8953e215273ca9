package dev.sextant.query;

import dev.sextant.sql.ParameterValue;
import dev.sextant.store.LocalStore;
import dev.sextant.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every statement run from the editor, in the local store: text, connection, start, duration, rows,
 * outcome and error. Parameter values the user marked secret are never written; only their names are.
 * The newest {@value #KEEP} runs are kept. Blocks on the store: call from background threads.
 */
public final class QueryHistory {

    public static final int KEEP = 10_000;
    private static final int MAX_ERROR = 2000;

    private final LocalStore store;

    public QueryHistory(LocalStore store) {
        this.store = store;
    }

    /** The parameters as the history shows them: {@code :id = 5 (Integer)}, a secret one as {@code :token = (secret)}. */
    public static String describe(List<ParameterValue> values) {
        return values.stream().map(v -> v.name() + " = " + (v.secret() ? "(secret)"
                : v.type() == dev.sextant.sql.ParameterType.NULL ? "NULL" : "'" + v.text() + "' (" + v.type().label() + ")"))
                .collect(Collectors.joining(", "));
    }

    /** Records a run and returns it with its id. */
    public HistoryEntry record(HistoryEntry e) {
        String sql = "INSERT INTO QUERY_HISTORY (CONFIG_ID, CONNECTION_NAME, SQL_TEXT, STARTED_AT, DURATION_MS, ROW_COUNT, "
                + "UPDATE_COUNT, OUTCOME, ERROR_MESSAGE, PARAMETERS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, e.configId());
            ps.setString(2, e.connectionName());
            ps.setString(3, e.sql());
            ps.setObject(4, OffsetDateTime.ofInstant(e.startedAt(), ZoneOffset.UTC));
            ps.setLong(5, e.durationMillis());
            setCount(ps, 6, e.rowCount());
            setCount(ps, 7, e.updateCount());
            ps.setString(8, e.outcome().name());
            ps.setString(9, e.error() == null ? null : e.error().length() > MAX_ERROR ? e.error().substring(0, MAX_ERROR) : e.error());
            ps.setString(10, e.parameters().isEmpty() ? null : e.parameters());
            ps.executeUpdate();
            long id;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            if (id % 100 == 0) {
                prune(c);
            }
            return new HistoryEntry(id, e.configId(), e.connectionName(), e.sql(), e.startedAt(), e.durationMillis(),
                    e.rowCount(), e.updateCount(), e.outcome(), e.error(), e.parameters());
        } catch (SQLException ex) {
            throw new StoreException(StoreException.Problem.INTERNAL, "The query history could not be written: "
                    + ex.getMessage(), null, ex);
        }
    }

    private static void setCount(PreparedStatement ps, int index, long count) throws SQLException {
        if (count < 0) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, count);
        }
    }

    private static void prune(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM QUERY_HISTORY WHERE ID <= "
                + "(SELECT MAX(ID) FROM QUERY_HISTORY) - ?")) {
            ps.setLong(1, KEEP);
            ps.executeUpdate();
        }
    }

    /**
     * The newest runs whose SQL, connection name or error contains every word of {@code text} (ignoring
     * case), newest first; all runs when the text is blank.
     */
    public List<HistoryEntry> search(String text, int limit) {
        List<String> words = text == null || text.isBlank() ? List.of()
                : List.of(text.strip().toLowerCase(Locale.ROOT).split("\\s+"));
        StringBuilder sql = new StringBuilder("SELECT ID, CONFIG_ID, CONNECTION_NAME, SQL_TEXT, STARTED_AT, DURATION_MS, "
                + "ROW_COUNT, UPDATE_COUNT, OUTCOME, ERROR_MESSAGE, PARAMETERS FROM QUERY_HISTORY");
        for (int i = 0; i < words.size(); i++) {
            sql.append(i == 0 ? " WHERE " : " AND ").append("(LOWER(SQL_TEXT) LIKE ? ESCAPE '\\' OR LOWER(CONNECTION_NAME) "
                    + "LIKE ? ESCAPE '\\' OR LOWER(ERROR_MESSAGE) LIKE ? ESCAPE '\\')");
        }
        sql.append(" ORDER BY STARTED_AT DESC, ID DESC FETCH FIRST ? ROWS ONLY");
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (String w : words) {
                String like = "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                ps.setString(p++, like);
                ps.setString(p++, like);
                ps.setString(p++, like);
            }
            ps.setInt(p, limit);
            List<HistoryEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getLong(6), count(rs, 7), count(rs, 8),
                            HistoryEntry.Outcome.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11)));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw new StoreException(StoreException.Problem.INTERNAL, "The query history could not be read: "
                    + ex.getMessage(), null, ex);
        }
    }

    private static long count(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? -1 : v;
    }
}

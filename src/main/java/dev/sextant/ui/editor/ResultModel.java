package dev.sextant.ui.editor;

import dev.sextant.query.ResultPageView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One result set of a run: the statement it came from (to export it or re-run it sorted), the page
 * shown, and what the database reported about the run.
 */
public final class ResultModel {

    private final int resultId;
    private final String title;
    private final String sql;
    private final List<Object> params;
    private final Duration elapsed;
    private final ObjectProperty<ResultPageView> page = new SimpleObjectProperty<>();
    private Map<String, String> runInfo;

    ResultModel(int resultId, String title, String sql, List<Object> params, ResultPageView first, Duration elapsed,
                Map<String, String> runInfo) {
        this.resultId = resultId;
        this.title = title;
        this.sql = sql;
        this.params = params;
        this.elapsed = elapsed;
        this.runInfo = runInfo;
        page.set(first);
    }

    public int resultId() {
        return resultId;
    }

    public String title() {
        return title;
    }

    /** The statement as it was sent (parameters already rewritten for the driver). */
    public String sql() {
        return sql;
    }

    public List<Object> params() {
        return params;
    }

    public Duration elapsed() {
        return elapsed;
    }

    public Map<String, String> runInfo() {
        return runInfo;
    }

    void runInfo(Map<String, String> info) {
        this.runInfo = info;
    }

    public ObjectProperty<ResultPageView> pageProperty() {
        return page;
    }
}

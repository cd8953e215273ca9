package dev.sextant.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.app.AppPaths;
import dev.sextant.app.SampleDatabase;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.connector.ErrorKind;
import dev.sextant.secret.SecretResolver;
import dev.sextant.testing.TestSample;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paging through the sample's largest table as the grid does, against the real database. */
class QuerySessionTest {

    @TempDir
    Path dir;
    private Workspace workspace;
    private QuerySession session;

    @BeforeEach
    void open() {
        AppPaths paths = TestSample.homeWithSample(dir);
        ConnectorRegistry registry = ConnectorRegistry.loadInstalled();
        workspace = new Workspace(registry, SecretResolver.environmentOnly(), paths.temp());
        session = new QuerySession(() -> workspace.newConnector(new SampleDatabase(paths, registry).connection()),
                paths.temp(), 5_000);
    }

    @AfterEach
    void close() {
        session.close();
        workspace.close();
    }

    @Test
    void pagesThroughAllRowsWithBoundedMemoryAndRevisitsEarlierPages() {
        ExecutionResult result = session.execute("SELECT ORDER_ID, LINE_NO FROM ORDER_ITEMS ORDER BY ORDER_ID, LINE_NO", List.of(), 1000);

        ResultPageView first = result.firstPage();
        assertThat(first.rows()).hasSize(1000);
        assertThat(first.complete()).isFalse();
        assertThat(first.rowsRead()).isLessThanOrEqualTo(1001 + 1000);

        ResultPageView page = first;
        int pages = 1;
        while (page.hasNextPage()) {
            page = session.page(page.pageIndex() + 1, 1000);
            pages++;
            assertThat(session.rowsInMemory()).isLessThanOrEqualTo(5_000 + 100);
        }
        assertThat(pages).isEqualTo(120);
        assertThat(page.complete()).isTrue();
        assertThat(page.rowsRead()).isEqualTo(120_000);
        assertThat(page.lastRow()).isEqualTo(120_000);

        ResultPageView again = session.page(0, 1000);
        assertThat(again.rows().get(0)).containsExactly(1L, 1);
        assertThat(again.rows().get(999)).containsExactly(250L, 4);
        assertThat(session.page(59, 1000).rows().get(0)).containsExactly(14_751L, 1);
    }

    @Test
    void aChangedPageSizeReadsOnlyWhatItNeeds() {
        session.execute("SELECT * FROM ORDER_ITEMS", List.of(), 200);
        ResultPageView big = session.page(3, 500);

        assertThat(big.firstRow()).isEqualTo(1500);
        assertThat(big.rows()).hasSize(500);
        assertThat(big.rowsRead()).isLessThan(5_000);
    }

    @Test
    void statementsWithoutRowsGiveAnUpdateCount() {
        ExecutionResult result = session.execute("UPDATE CUSTOMERS SET NOTES = 'x' WHERE ID <= 3", List.of(), 200);

        assertThat(result.hasRows()).isFalse();
        assertThat(result.updateCount()).isEqualTo(3);
    }

    @Test
    void anEmptyResultIsCompleteWithNoNextPage() {
        ResultPageView page = session.execute("SELECT * FROM CUSTOMERS WHERE ID < 0", List.of(), 200).firstPage();

        assertThat(page.rows()).isEmpty();
        assertThat(page.complete()).isTrue();
        assertThat(page.hasNextPage()).isFalse();
        assertThat(page.columns()).hasSize(8);
    }

    @Test
    void closingTheWorkspaceClosesTheConnectionsOfOpenTabs() {
        SampleDatabase sample = new SampleDatabase(new AppPaths(dir.resolve("home")), ConnectorRegistry.loadInstalled());
        QuerySession tab = workspace.newSession(sample.connection());
        tab.execute("SELECT * FROM ORDER_ITEMS", List.of(), 200);
        session.execute("SELECT 1", List.of(), 200);
        long before = openSessions();

        workspace.close();

        assertThat(openSessions()).isEqualTo(before - 1);
    }

    private long openSessions() {
        return (Long) session.execute("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS", List.of(), 200)
                .firstPage().rows().get(0)[0];
    }

    @Test
    void cancelStopsARunningStatementAndTheSessionStaysUsable() throws Exception {
        CompletableFuture<ExecutionResult> running = CompletableFuture.supplyAsync(() -> session.execute(
                "SELECT SUM(A.QUANTITY * B.QUANTITY) FROM ORDER_ITEMS A, ORDER_ITEMS B", List.of(), 200));
        Thread.sleep(700);
        assertThat(running).isNotDone();

        session.cancel();

        assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CANCELLED));
        assertThat(session.execute("SELECT COUNT(*) FROM REGIONS", List.of(), 200).firstPage().rows().get(0)[0]).isEqualTo(12L);
    }

    @Test
    void eachStatementOfAScriptKeepsItsOwnResultAndTheEarlierOneIsCutShortNotLost() {
        ExecutionResult first = session.execute("SELECT ORDER_ID FROM ORDER_ITEMS ORDER BY ORDER_ID, LINE_NO", List.of(), 100, true);
        ExecutionResult second = session.execute("SELECT NAME FROM REGIONS ORDER BY ID", List.of(), 100, true);
        assertThat(second.resultId()).isEqualTo(first.resultId() + 1);

        ResultPageView again = session.page(first.resultId(), 0, 100);
        assertThat(again.rows()).hasSize(100);
        assertThat(again.cutShort()).isTrue();
        assertThat(again.complete()).isFalse();
        assertThat(session.page(second.resultId(), 0, 100).rows()).hasSize(12);
        assertThat(session.page(second.resultId(), 0, 100).cutShort()).isFalse();

        session.execute("SELECT 1", List.of(), 100);
        assertThatThrownBy(() -> session.page(first.resultId() + 1, 0, 100)).hasMessageContaining("closed");
    }

    @Test
    void parametersAreBound() {
        ResultPageView page = session.execute("SELECT NAME FROM REGIONS WHERE ID = ?", List.of(3), 100).firstPage();
        assertThat(page.rows()).hasSize(1);
    }
}

package dev.sextant.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectionTestReport;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.connector.TestStage;
import dev.sextant.testing.TestPostgres;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The connection test reports its stages as they end, and a cancel from another thread ends it at once. */
class PgDiagnosticProgressTest {

    private static BaseDBConnector connector(Map<String, String> values) {
        return ConnectorRegistry.loadInstalled().create("postgresql", ConnectionParameters.of(values));
    }

    private static Map<String, String> settings(int port, String sslMode) {
        Map<String, String> values = new HashMap<>(Map.of("host", "127.0.0.1", "port", String.valueOf(port),
                "database", "postgres", "user", "postgres", "sslMode", sslMode));
        values.put("connectTimeout", "20");
        return values;
    }

    @Test
    void eachStageReachesTheListenerAsItEnds() {
        List<TestStage> seen = new CopyOnWriteArrayList<>();

        ConnectionTestReport report = connector(settings(TestPostgres.port(), "disable")).testConnection(seen::add);

        assertThat(report.passed()).isTrue();
        assertThat(seen).containsExactlyElementsOf(report.stages());
        assertThat(seen).extracting(TestStage::name).containsExactly("Resolve host name", "Open TCP connection",
                "Log in", "Read server details", "Measure latency");
    }

    /** Accepted sockets, kept reachable: an unreachable socket is closed by the garbage collector. */
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    /** A port that accepts connections and then never says a word: each stage would wait for the timeout. */
    private ServerSocket silentPort() throws Exception {
        ServerSocket silent = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept()); // held open, never answered
                } catch (Exception done) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return silent;
    }

    @Test
    void cancelEndsATestWaitingOnAPortThatNeverAnswersLongBeforeTheTimeout() throws Exception {
        for (String sslMode : List.of("prefer", "disable")) {
            try (ServerSocket silent = silentPort()) {
                BaseDBConnector pg = connector(settings(silent.getLocalPort(), sslMode));
                List<TestStage> seen = new CopyOnWriteArrayList<>();
                long start = System.nanoTime();
                CompletableFuture<ConnectionTestReport> running = CompletableFuture.supplyAsync(() -> pg.testConnection(seen::add));
                // wait until the TCP stage passed, so the test is stuck in the stage that waits for an answer
                while (seen.size() < 2 && !running.isDone()) {
                    Thread.sleep(20);
                }
                Thread.sleep(300);
                assertThat(running).as("still waiting for the silent port (SSL mode %s)", sslMode).isNotDone();

                pg.cancel();
                ConnectionTestReport report = running.get(5, TimeUnit.SECONDS);
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                TestStage last = report.stages().get(report.stages().size() - 1);
                assertThat(last.passed()).isFalse();
                assertThat(last.name()).isEqualTo(sslMode.equals("disable") ? "Log in" : "Negotiate TLS");
                assertThat(last.message()).startsWith("Cancelled");
                assertThat(seen).last().isEqualTo(last);
                assertThat(took).as("ended by the cancel, not the 20 s timeout").isLessThan(Duration.ofSeconds(8));
            }
        }
    }
}

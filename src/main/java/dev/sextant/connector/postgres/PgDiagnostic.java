package dev.sextant.connector.postgres;

import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectionTestReport;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.TestStage;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The staged connection test: name resolution, TCP connect, TLS negotiation, log-in (TLS handshake and
 * authentication), server details (version, user, read-only, TLS protocol and whether the certificate was
 * verified), and round-trip latency. It stops at the first failing stage and says what to check there.
 *
 * <p>Each stage goes to a listener as it ends, so a form can show the stages one by one. {@link #cancel()}
 * ends the test at once, from any thread: the open socket is closed, and the blocking call the stage was in
 * (name lookup, connect, the driver's log-in) is left to finish on its own daemon thread, which closes
 * whatever it opened late.
 */
final class PgDiagnostic {

    private static final int PINGS = 5;

    /** The code of PostgreSQL's SSLRequest packet (1234 in the high half, 5679 in the low). */
    private static final int SSL_REQUEST_CODE = 80877103;

    private final ConnectionParameters parameters;
    private final Supplier<String> url;
    private final Supplier<Properties> properties;
    private final PgErrors errors;
    private final Consumer<TestStage> onStage;
    private final List<TestStage> stages = new ArrayList<>();
    private final Map<String, String> summary = new LinkedHashMap<>();
    private final CompletableFuture<Void> cancelled = new CompletableFuture<>();
    private volatile Socket openSocket;
    private String currentStage = "Check the settings";
    private long currentStart = System.nanoTime();

    PgDiagnostic(ConnectionParameters parameters, Supplier<String> url, Supplier<Properties> properties, PgErrors errors,
                 Consumer<TestStage> onStage) {
        this.parameters = parameters;
        this.url = url;
        this.properties = properties;
        this.errors = errors;
        this.onStage = onStage;
    }

    /** Ends the test from any thread; the stage that was running is reported as cancelled. */
    void cancel() {
        cancelled.complete(null);
        Socket s = openSocket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing was the point
            }
        }
    }

    /** The user stopped the test; thrown out of the stage that was running. */
    private static final class Cancelled extends Exception {
        private static final long serialVersionUID = 1L;
    }

    ConnectionTestReport run() {
        try {
            return runStages();
        } catch (Cancelled e) {
            return fail(currentStage, currentStart, "Cancelled: the test was stopped before this stage ended.");
        }
    }

    private ConnectionTestReport runStages() throws Cancelled {
        String host;
        int port;
        int timeoutSeconds;
        String jdbcUrl;
        Properties props;
        long start = begin("Check the settings");
        try {
            host = parameters.required(PostgresConnectorProvider.HOST, "Host");
            port = parameters.intValue(PostgresConnectorProvider.PORT, "Port", 5432);
            timeoutSeconds = parameters.intValue(PostgresConnectorProvider.CONNECT_TIMEOUT, "Connect timeout (s)", 10);
            jdbcUrl = url.get();
            props = properties.get();
        } catch (ConnectorException e) {
            return fail("Check the settings", start, e.getMessage());
        }

        InetAddress address;
        start = begin("Resolve host name");
        try {
            InetAddress[] all = untilCancelled(() -> InetAddress.getAllByName(host));
            address = all[0];
            pass("Resolve host name", start, host + " is " + String.join(", ",
                    Arrays.stream(all).map(InetAddress::getHostAddress).toList()));
        } catch (UnknownHostException e) {
            return fail("Resolve host name", start, "The host name '" + host
                    + "' could not be resolved. Check its spelling, your DNS or VPN.");
        } catch (Cancelled e) {
            throw e;
        } catch (Exception e) {
            return fail("Resolve host name", start, "The host name '" + host + "' could not be resolved: " + e.getMessage());
        }

        long tcp = begin("Open TCP connection");
        try (Socket socket = track(new Socket())) {
            untilCancelled(() -> {
                socket.connect(new InetSocketAddress(address, port), timeoutSeconds * 1000);
                return null;
            });
            pass("Open TCP connection", tcp, address.getHostAddress() + ":" + port + " accepts connections");
        } catch (ConnectException e) {
            return fail("Open TCP connection", tcp, "Port " + port + " on " + host + " refused the connection. Is PostgreSQL "
                    + "running, and listening on this address (listen_addresses) and port?");
        } catch (SocketTimeoutException e) {
            return fail("Open TCP connection", tcp, "No answer from " + host + ":" + port + " within " + timeoutSeconds
                    + " s. A firewall may be dropping the connection, or the host is down.");
        } catch (Cancelled e) {
            throw e;
        } catch (Exception e) {
            return fail("Open TCP connection", tcp, "Could not reach " + host + ":" + port + ": " + e.getMessage());
        }

        String sslMode = props.getProperty("sslmode", "prefer");
        if (!sslMode.equals("disable")) {
            long tls = begin("Negotiate TLS");
            String problem = negotiateTls(address, port, timeoutSeconds, sslMode, tls);
            if (problem != null) {
                return fail("Negotiate TLS", tls, problem);
            }
        }

        long login = begin("Log in");
        try (Connection c = untilCancelled(() -> new org.postgresql.Driver().connect(jdbcUrl, props))) {
            pass("Log in", login, "as " + props.getProperty("user") + " to " + parameters.value(PostgresConnectorProvider.DATABASE).orElse(""));
            details(c);
            latency(c);
        } catch (SQLException e) {
            ConnectorException ce = errors.translate(e, null);
            if (ce.kind() == ErrorKind.TLS) {
                return fail("TLS handshake", login, PgTlsProblems.describe(e, host, sslMode,
                        parameters.value(PostgresConnectorProvider.SSL_ROOT_CERT).orElse(null)));
            }
            return fail(currentStage, currentStage.equals("Log in") ? login : currentStart, loginProblem(e, ce, props));
        } catch (Cancelled e) {
            throw e;
        } catch (Exception e) {
            return fail(currentStage, currentStart, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return new ConnectionTestReport(stages, summary);
    }

    /** Notes which stage runs now, so a cancel can name it; returns its start time. */
    private long begin(String stage) throws Cancelled {
        if (cancelled.isDone()) {
            throw new Cancelled();
        }
        currentStage = stage;
        currentStart = System.nanoTime();
        return currentStart;
    }

    private Socket track(Socket socket) {
        openSocket = socket;
        if (cancelled.isDone()) {
            cancel();
        }
        return socket;
    }

    /**
     * Runs one blocking step on a daemon thread of its own and waits for it or for a cancel, whichever
     * comes first. A result that arrives after a cancel is closed.
     */
    private <T> T untilCancelled(Callable<T> step) throws Exception {
        if (cancelled.isDone()) {
            throw new Cancelled();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                T value = step.call();
                if (!result.complete(value) && value instanceof AutoCloseable late) {
                    late.close();
                }
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "sextant-pg-diagnostic");
        worker.setDaemon(true);
        worker.start();
        cancelled.thenRun(() -> result.cancel(false));
        try {
            return result.get();
        } catch (CancellationException | InterruptedException e) {
            throw new Cancelled();
        } catch (ExecutionException e) {
            if (cancelled.isDone()) {
                throw new Cancelled();
            }
            throw e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Asks the server whether it speaks TLS, as a PostgreSQL client does before logging in (an
     * SSLRequest packet, answered by one byte). This tells "the server has TLS turned off" apart from a
     * failed handshake, and a port that never answers apart from a wrong password.
     *
     * @return null when the connection can go on, else what is wrong
     */
    private String negotiateTls(InetAddress address, int port, int timeoutSeconds, String sslMode, long start)
            throws Cancelled {
        boolean required = !sslMode.equals("allow") && !sslMode.equals("prefer");
        try (Socket socket = track(new Socket())) {
            int answer = untilCancelled(() -> {
                socket.connect(new InetSocketAddress(address, port), timeoutSeconds * 1000);
                socket.setSoTimeout(timeoutSeconds * 1000);
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                out.writeInt(8);
                out.writeInt(SSL_REQUEST_CODE);
                out.flush();
                return socket.getInputStream().read();
            });
            if (answer == 'S') {
                pass("Negotiate TLS", start, "The server offers TLS (SSL mode " + sslMode + ")");
                return null;
            }
            if (answer == 'N' && !required) {
                pass("Negotiate TLS", start, "The server does not offer TLS; SSL mode " + sslMode
                        + " goes on without it, so the connection is not encrypted");
                return null;
            }
            if (answer == 'N') {
                return "The server does not offer TLS, but the SSL mode is " + sslMode + ". Turn on ssl in the server's "
                        + "postgresql.conf, or choose SSL mode prefer to connect without encryption.";
            }
            return "The server answered the TLS request with something PostgreSQL never sends. Is port " + port
                    + " really PostgreSQL?";
        } catch (SocketTimeoutException e) {
            return "The server accepted the connection but did not answer within the connect timeout (" + timeoutSeconds
                    + " s). Is this port really PostgreSQL?";
        } catch (Cancelled e) {
            throw e;
        } catch (Exception e) {
            return "The connection broke while asking for TLS: " + e.getMessage();
        }
    }

    private void details(Connection c) throws Exception {
        long t = begin("Read server details");
        untilCancelled(() -> {
            readDetails(c);
            return null;
        });
        pass("Read server details", t, summary.get("Server version"));
    }

    private void readDetails(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version'), current_user, current_database(), "
                     + "current_setting('transaction_read_only'), "
                     + "(SELECT CASE WHEN ssl THEN version ELSE NULL END FROM pg_stat_ssl WHERE pid = pg_backend_pid())")) {
            rs.next();
            summary.put("Server version", "PostgreSQL " + rs.getString(1));
            summary.put("User", rs.getString(2));
            summary.put("Database", rs.getString(3));
            summary.put("Read-only", "on".equals(rs.getString(4)) ? "yes" : "no");
            String tls = rs.getString(5);
            String mode = parameters.value(PostgresConnectorProvider.SSL_MODE).orElse("prefer");
            summary.put("TLS", tls == null ? "not used" : tls + (mode.startsWith("verify") ? ", certificate verified ("
                    + mode + ")" : ", certificate not verified (" + mode + ")"));
        }
    }

    private void latency(Connection c) throws Exception {
        long t = begin("Measure latency");
        long[] rounds = untilCancelled(() -> ping(c));
        String median = String.format("%.1f ms", rounds[PINGS / 2] / 1e6);
        summary.put("Latency", median + " (median of " + PINGS + " round trips)");
        pass("Measure latency", t, median);
    }

    private static long[] ping(Connection c) throws SQLException {
        long[] rounds = new long[PINGS];
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < PINGS; i++) {
                long p = System.nanoTime();
                try (ResultSet rs = s.executeQuery("SELECT 1")) {
                    rs.next();
                }
                rounds[i] = System.nanoTime() - p;
            }
        }
        Arrays.sort(rounds);
        return rounds;
    }

    private String loginProblem(SQLException e, ConnectorException ce, Properties props) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String user = props.getProperty("user");
        String database = parameters.value(PostgresConnectorProvider.DATABASE).orElse("");
        if (state.equals("28P01")) {
            return "Wrong password for user '" + user + "'.";
        }
        if (state.equals("3D000")) {
            return "The database '" + database + "' does not exist on this server.";
        }
        if (state.equals("28000")) {
            String msg = ce.getMessage();
            return msg.contains("pg_hba.conf") ? "The server's pg_hba.conf does not allow user '" + user + "' to reach '"
                    + database + "' from this machine" + (msg.contains("no encryption") ? " without TLS: set SSL mode to require or stricter." : ".")
                    : msg;
        }
        if (ce.kind() == ErrorKind.TIMEOUT) {
            return "The server accepted the connection but did not answer within the connect timeout. "
                    + "Is this port really PostgreSQL?";
        }
        return ce.getMessage();
    }

    private void pass(String name, long startNanos, String message) {
        record(new TestStage(name, true, Duration.ofNanos(System.nanoTime() - startNanos), message));
    }

    private ConnectionTestReport fail(String name, long startNanos, String message) {
        record(new TestStage(name, false, Duration.ofNanos(System.nanoTime() - startNanos), message));
        return new ConnectionTestReport(stages, summary);
    }

    private void record(TestStage stage) {
        stages.add(stage);
        onStage.accept(stage);
    }
}

package dev.sextant.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (started from zonky's binary package on a free port, stopped
 * when the JVM exits); each test class gets its own database on it.
 */
public final class TestPostgres {

    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            server = startUntilExit(EmbeddedPostgres.builder());
        }
        return server;
    }

    /** Starts a server as the builder says and stops it when the test JVM exits. */
    static EmbeddedPostgres startUntilExit(EmbeddedPostgres.Builder builder) {
        EmbeddedPostgres started;
        try {
            started = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.close();
            } catch (IOException ignored) {
                // the process is going away
            }
        }));
        return started;
    }

    public static int port() {
        return server().getPort();
    }

    /** A new, empty database owned by the superuser {@code postgres}; returns its name. */
    public static String newDatabase(String prefix) {
        String name = prefix + "_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return name;
    }

    private static boolean passwordsRequired;

    /**
     * A login role that must give its password (scram-sha-256): the superuser {@code postgres} keeps trust
     * authentication, every other role needs a password from then on.
     */
    public static synchronized void createPasswordUser(String name, String password) {
        execute("postgres", "CREATE ROLE " + name + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
        if (!passwordsRequired) {
            try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SHOW hba_file")) {
                rs.next();
                java.nio.file.Path hba = java.nio.file.Path.of(rs.getString(1));
                java.nio.file.Files.writeString(hba, String.join("\n",
                        "local all postgres trust",
                        "host all postgres 127.0.0.1/32 trust",
                        "host all postgres ::1/128 trust",
                        "local all all scram-sha-256",
                        "host all all 127.0.0.1/32 scram-sha-256",
                        "host all all ::1/128 scram-sha-256", ""));
                s.execute("SELECT pg_reload_conf()");
                passwordsRequired = true;
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("Could not require passwords: " + e.getMessage(), e);
            }
        }
    }

    /** Runs SQL as the superuser in the given database. */
    public static void execute(String database, String... statements) {
        try (Connection c = server().getDatabase("postgres", database).getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}

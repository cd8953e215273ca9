package dev.sextant.bench;

import dev.sextant.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A PostgreSQL server the benchmark runs against: the embedded one the tests use, or the machine's own
 * installation, which also brings pg_dump and psql of the same version for the outside references.
 */
interface BenchServer {

    /** What the report calls it, e.g. "embedded PostgreSQL 17.11". */
    String describe();

    int port();

    /** The machine's client tools next to this server, when it has them. */
    Optional<MachinePostgres> tools();

    default Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/" + database, "postgres", "");
    }

    default void createDatabase(String name) {
        execute("postgres", "CREATE DATABASE " + name);
    }

    default void execute(String database, String... statements) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The embedded server of the tests. */
    static BenchServer embedded() {
        return new BenchServer() {
            @Override
            public String describe() {
                try (Connection c = TestPostgres.server().getPostgresDatabase().getConnection()) {
                    return "embedded PostgreSQL " + c.getMetaData().getDatabaseProductVersion();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public int port() {
                return TestPostgres.port();
            }

            @Override
            public Optional<MachinePostgres> tools() {
                return Optional.empty();
            }
        };
    }
}

package dev.sextant.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The machine's own PostgreSQL installation (a Debian postgresql-NN package, or the folder named by the
 * environment variable {@code SEXTANT_BENCH_PG_BIN}), started in a temporary folder on a free port with
 * trust authentication on 127.0.0.1. The embedded server ships neither pg_dump nor psql, and pg_dump
 * refuses a server newer than itself, so the comparisons with those tools run here. PostgreSQL refuses to
 * run as root; as root the server runs as user {@code nobody}.
 */
final class MachinePostgres implements BenchServer, AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asNobody;

    private MachinePostgres(Path bin, Path dir, int port, boolean asNobody) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asNobody = asNobody;
    }

    /** Starts the newest installation found, or says why there is none. */
    static Optional<MachinePostgres> start(StringBuilder whyNot) throws IOException, InterruptedException {
        Optional<Path> bin = findBin();
        if (bin.isEmpty()) {
            whyNot.append("no PostgreSQL installation with initdb, pg_ctl, pg_dump and psql was found "
                    + "(looked in /usr/lib/postgresql/*/bin and $SEXTANT_BENCH_PG_BIN)");
            return Optional.empty();
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("sextant-bench-pg");
        if (root) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName("nobody"));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        MachinePostgres server = new MachinePostgres(bin.get(), dir, port, root);
        server.run(true, bin.get().resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                "--auth=trust", "--no-sync");
        server.run(true, bin.get().resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-l",
                dir.resolve("log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start");
        return Optional.of(server);
    }

    private static Optional<Path> findBin() {
        String env = System.getenv("SEXTANT_BENCH_PG_BIN");
        List<Path> candidates = new ArrayList<>();
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.map(v -> v.resolve("bin"))
                        .sorted(Comparator.comparing((Path p) -> majorVersion(p)).reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                // nothing to offer
            }
        }
        return candidates.stream().filter(MachinePostgres::complete).findFirst();
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean complete(Path bin) {
        return Stream.of("initdb", "pg_ctl", "postgres", "pg_dump", "psql").allMatch(t -> Files.isExecutable(bin.resolve(t)));
    }

    @Override
    public String describe() {
        return "the machine's PostgreSQL " + bin.getParent().getFileName() + " (with its pg_dump and psql)";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Optional<MachinePostgres> tools() {
        return Optional.of(this);
    }

    /** Wall time of {@code pg_dump --schema-only} of the database, written to nowhere. */
    long pgDumpSchemaOnlyNanos(String database) throws IOException, InterruptedException {
        long t = System.nanoTime();
        run(false, bin.resolve("pg_dump").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres",
                "--schema-only", "-f", "/dev/null", database);
        return System.nanoTime() - t;
    }

    /** Wall time of psql running one query and writing its rows to nowhere. */
    long psqlNanos(String database, String sql) throws IOException, InterruptedException {
        long t = System.nanoTime();
        run(false, bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres",
                "-d", database, "-X", "-q", "-A", "-t", "-o", "/dev/null", "-c", sql);
        return System.nanoTime() - t;
    }

    private void run(boolean asServerUser, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (asServerUser && asNobody) {
            line.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .directory(new File(System.getProperty("java.io.tmpdir"))).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run(true, bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}

package dev.sextant.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second real PostgreSQL server that speaks TLS, with a certificate for {@code localhost} signed by a
 * throwaway authority made for the test run (with openssl). Its pg_hba.conf refuses connections without
 * TLS and refuses the role {@code blocked} outright, so tests can meet both refusals.
 */
public final class TlsPostgres {

    private static EmbeddedPostgres server;
    private static Path certificates;

    private TlsPostgres() {
    }

    /** Whether openssl, which makes the certificates, is installed. */
    public static boolean available() {
        try {
            return new ProcessBuilder("openssl", "version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                certificates = Files.createTempDirectory("sextant-tls");
                makeCertificates(certificates);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not make the test certificates", e);
            }
            server = TestPostgres.startUntilExit(EmbeddedPostgres.builder()
                    .setServerConfig("ssl", "on")
                    .setServerConfig("ssl_cert_file", "server.crt")
                    .setServerConfig("ssl_key_file", "server.key")
                    .setDataDirectoryCustomizer(TlsPostgres::prepareDataDirectory));
        }
        return server;
    }

    public static int port() {
        return server().getPort();
    }

    /** The certificate of the authority that signed the server's certificate. */
    public static Path authority() {
        server();
        return certificates.resolve("ca.crt");
    }

    /** The certificate of another authority, which did not sign the server's. */
    public static Path otherAuthority() {
        server();
        return certificates.resolve("other.crt");
    }

    private static void prepareDataDirectory(File data) {
        try {
            for (String name : List.of("server.crt", "server.key")) {
                Path target = data.toPath().resolve(name);
                Files.copy(certificates.resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
            }
            // first match wins: the blocked role never gets in; without TLS nobody does
            Files.writeString(data.toPath().resolve("pg_hba.conf"), String.join("\n",
                    "local all all trust",
                    "hostssl all blocked 127.0.0.1/32 reject",
                    "hostssl all all 127.0.0.1/32 trust",
                    "hostssl all all ::1/128 trust",
                    "hostnossl all all 127.0.0.1/32 reject",
                    "hostnossl all all ::1/128 reject", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void makeCertificates(Path dir) throws IOException {
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost\n");
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2",
                "-subj", "/CN=Sextant Test Authority");
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other.key", "-out", "other.crt",
                "-days", "2", "-subj", "/CN=Some Other Authority");
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=localhost");
        openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "2", "-extfile", "san.ext");
    }

    private static void openssl(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("openssl " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}

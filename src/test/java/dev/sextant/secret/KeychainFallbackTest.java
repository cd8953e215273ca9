package dev.sextant.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees when the system keychain cannot be used, for real: each case starts a child JVM whose
 * environment has no usable keychain, and reads what the store reported there. The child must also end
 * on its own, since a leftover D-Bus thread would keep Sextant from quitting.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the Secret Service (D-Bus) cases are Linux-only")
class KeychainFallbackTest {

    /** ASCII, so that the child's command line carries it unchanged whatever the locale. */
    private static final String SECRET = "pa55-" + UUID.randomUUID();
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void withoutASessionBusTheStoreSaysSoAndKeepsTheSecretOutOfEveryMessage() {
        Subprocess.Result child = Subprocess.run(Subprocess.java(KeychainProbeMain.class, SECRET),
                env -> env.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus"), null, LIMIT);

        Map<String, String> probe = probeLines(child);
        assertThat(probe).containsEntry("available", "false")
                .containsEntry("reason", "The system keychain is not available (no Secret Service on the session"
                        + " bus). Keep the password for this session only, or use an environment variable reference.")
                .containsEntry("store", "KeychainUnavailableException")
                .containsEntry("message", probe.get("reason"))
                .containsEntry("statusAfterwards", "false")
                .containsEntry("sessionFallback", "true");
        assertThat(child.all()).as("the secret in the child's output or logs").doesNotContain(SECRET);
    }

    /**
     * A real gnome-keyring whose login keyring exists but was never unlocked, in a D-Bus session and
     * home folder of its own (so a developer's own keyring is never touched, and no unlock prompt can
     * reach their screen). Opening works there; storing fails inside java-keyring.
     */
    @Test
    void aLockedKeyringIsReportedAsSuchAndNothingIsStored() throws IOException {
        for (String tool : List.of("dbus-run-session", "gnome-keyring-daemon", "secret-tool")) {
            assumeTrue(Subprocess.onPath(tool), () -> tool + " is not installed, so no locked keyring can be made"
                    + " (apt-get install gnome-keyring dbus-x11 libsecret-tools)");
        }
        Consumer<Map<String, String>> isolated = isolatedKeyringEnvironment();

        // First session: create the login keyring with a password, as a desktop login would.
        Subprocess.Result setup = Subprocess.run(List.of("dbus-run-session", "--", "sh", "-c",
                        "gnome-keyring-daemon --unlock --components=secrets >/dev/null"
                                + " && printf x | secret-tool store --label=setup service sextant-test account setup"),
                isolated, "keyring-password", LIMIT);
        Path keyring = dir.resolve("home/.local/share/keyrings/login.keyring");
        assumeTrue(setup.exitCode() == 0 && Files.exists(keyring),
                () -> "gnome-keyring could not create a login keyring here: " + setup.all());

        // Second session: the daemon starts without the password, so the keyring stays locked.
        List<String> command = new ArrayList<>(List.of("dbus-run-session", "--", "sh", "-c",
                "gnome-keyring-daemon --start --components=secrets >/dev/null && exec \"$@\"", "sh"));
        command.addAll(Subprocess.java(KeychainProbeMain.class, SECRET));
        Subprocess.Result child = Subprocess.run(command, isolated, null, LIMIT);

        Map<String, String> probe = probeLines(child);
        assertThat(probe).containsEntry("available", "false")
                .containsEntry("reason", JavaKeyringKeychain.REFUSED_TO_STORE)
                .containsEntry("store", "KeychainUnavailableException")
                .containsEntry("message", JavaKeyringKeychain.REFUSED_TO_STORE)
                .containsEntry("sessionFallback", "true");
        assertThat(probe.get("reason")).contains("may be locked");
        assertThat(child.all()).as("the secret in the child's output or logs").doesNotContain(SECRET);
    }

    private Consumer<Map<String, String>> isolatedKeyringEnvironment() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path runtime = Files.createDirectories(dir.resolve("run"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        return env -> {
            env.put("HOME", home.toString());
            env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
            env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
            env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
            env.put("XDG_RUNTIME_DIR", runtime.toString());
            List.of("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "GNOME_KEYRING_CONTROL",
                    "SSH_AUTH_SOCK").forEach(env::remove);
        };
    }

    /** The child's {@code probe.NAME=VALUE} lines; fails with all its output if it did not end normally. */
    private static Map<String, String> probeLines(Subprocess.Result child) {
        assertThat(child.timedOut()).as("the child JVM did not end by itself within %s:%n%s", LIMIT, child.all())
                .isFalse();
        assertThat(child.exitCode()).as("exit code of the child JVM:%n%s", child.all()).isZero();
        Map<String, String> lines = new LinkedHashMap<>();
        child.out().lines().filter(line -> line.startsWith("probe.")).forEach(line -> {
            int equals = line.indexOf('=');
            lines.put(line.substring("probe.".length(), equals), line.substring(equals + 1));
        });
        return lines;
    }
}

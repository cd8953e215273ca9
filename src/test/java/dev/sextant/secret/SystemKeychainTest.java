package dev.sextant.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store against the real Secret Service of this session, checked from the other side with
 * {@code secret-tool}: what Sextant stores is what the OS keychain holds, and the other way round.
 * Skipped, with the reason, where no usable Secret Service runs; CI provides one (see .ci/run).
 */
class SystemKeychainTest {

    private static final String SECRET = "pä ss wörd €$'\"\\ " + UUID.randomUUID();

    private final SecretStore store = SecretStore.withSystemKeychain();
    private final List<String> accounts = new ArrayList<>();

    /** Checked once for the class; a skip is reported per test, where Surefire shows its reason. */
    private static KeychainStatus status;

    @BeforeEach
    void requireASecretService() {
        if (status == null) {
            status = new JavaKeyringKeychain().check();
        }
        assumeTrue(status.available(), () -> "No usable Secret Service in this session: " + status.reason()
                + " To run these tests: dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock"
                + " --components=secrets >/dev/null; mvn ...'");
        assumeTrue(Subprocess.onPath("secret-tool"), "secret-tool is not installed, so the OS keychain's side"
                + " cannot be checked (apt-get install libsecret-tools)");
    }

    @AfterEach
    void removeWhatTheTestStored() {
        accounts.forEach(account -> secretTool("clear", "service", "Sextant", "account", account));
    }

    @Test
    void aStoredSecretIsWhatTheOsKeychainHolds() {
        SecretReference reference = keep(store.storeInKeychain(SECRET));

        assertThat(lookup(reference.key())).isEqualTo(SECRET);
        assertThat(store.resolve(reference.toString())).contains(SECRET);
        assertThat(store.keychainStatus()).isEqualTo(KeychainStatus.usable());
    }

    @Test
    void sextantReadsWhatTheOsKeychainWasGiven() {
        String account = UUID.randomUUID().toString();
        accounts.add(account);
        Subprocess.Result stored = Subprocess.run(List.of("secret-tool", "store", "--label=Sextant test",
                "service", "Sextant", "account", account), env -> { }, SECRET, Duration.ofSeconds(30));
        assertThat(stored.exitCode()).as(stored.stderr()).isZero();

        assertThat(store.resolve("keychain:" + account)).contains(SECRET);
    }

    @Test
    void anUpdateReplacesTheSecretUnderTheSameReference() {
        SecretReference reference = keep(store.storeInKeychain(SECRET));

        store.updateInKeychain(reference, "changed " + SECRET);

        assertThat(lookup(reference.key())).isEqualTo("changed " + SECRET);
        assertThat(store.resolve(reference)).contains("changed " + SECRET);
        Subprocess.Result entries = secretTool("search", "--all", "service", "Sextant", "account", reference.key());
        assertThat(entries.all()).as("one entry per account, not a second one").containsOnlyOnce("attribute.account");
    }

    @Test
    void deleteRemovesTheEntryFromTheOsKeychain() {
        SecretReference reference = keep(store.storeInKeychain(SECRET));

        store.delete(reference);

        Subprocess.Result lookup = secretTool("lookup", "service", "Sextant", "account", reference.key());
        assertThat(lookup.exitCode()).as("secret-tool finds nothing").isNotZero();
        assertThat(lookup.out()).isEmpty();
        assertThat(store.resolve(reference)).isEmpty();
        store.delete(reference);
        assertThat(store.keychainStatus().available()).as("deleting twice is no failure").isTrue();
    }

    @Test
    void aReferenceToAnEntryThatDoesNotExistResolvesToNothing() {
        assertThat(store.resolve("keychain:" + UUID.randomUUID())).isEmpty();
        assertThat(new JavaKeyringKeychain().delete(UUID.randomUUID().toString())).isFalse();
    }

    @Test
    void anEmptyPasswordIsKeptAsEmpty() {
        SecretReference reference = keep(store.storeInKeychain(""));

        assertThat(lookup(reference.key())).isEmpty();
        assertThat(store.resolve(reference)).contains("");
    }

    private SecretReference keep(SecretReference reference) {
        accounts.add(reference.key());
        return reference;
    }

    /** The secret as the OS keychain has it, read by libsecret's own tool. */
    private static String lookup(String account) {
        Subprocess.Result result = secretTool("lookup", "service", "Sextant", "account", account);
        assertThat(result.exitCode()).as("secret-tool lookup: %s", result.stderr()).isZero();
        return result.out();
    }

    private static Subprocess.Result secretTool(String... args) {
        List<String> command = new ArrayList<>(List.of("secret-tool"));
        command.addAll(List.of(args));
        return Subprocess.run(command);
    }
}

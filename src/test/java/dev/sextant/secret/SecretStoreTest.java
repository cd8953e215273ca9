package dev.sextant.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.secret.SecretReference.Kind;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The store's rules, with the keychain replaced by {@link FakeKeychain}: where each kind of reference is
 * read from, what the user is told when the keychain cannot be used, and that no secret leaks into a
 * message. The same paths against a real Secret Service are in {@link SystemKeychainTest} and
 * {@link KeychainFallbackTest}.
 */
class SecretStoreTest {

    private static final String SECRET = "correct horse battery staple";
    private static final String NO_KEYCHAIN = JavaKeyringKeychain.NOT_AVAILABLE;

    private final FakeKeychain keychain = new FakeKeychain();
    private final SecretStore store = new SecretStore(keychain);

    @Test
    void environmentReferencesReadTheVariableAtResolveTime() {
        assertThat(System.getenv("PATH")).as("PATH is set in every test environment").isNotNull();

        assertThat(store.resolve("env:PATH")).contains(System.getenv("PATH"));
        assertThat(store.resolve(SecretReference.env("PATH"))).contains(System.getenv("PATH"));
    }

    @Test
    void anUnsetVariableResolvesToNothing() {
        String unset = "SEXTANT_TEST_UNSET_" + UUID.randomUUID().toString().replace('-', '_');
        assertThat(System.getenv(unset)).isNull();

        assertThat(store.resolve("env:" + unset)).isEmpty();
    }

    @Test
    void deletingAnEnvironmentReferenceLeavesTheVariableAlone() {
        store.delete(SecretReference.env("PATH"));

        assertThat(store.resolve("env:PATH")).contains(System.getenv("PATH"));
        assertThat(keychain.checks).as("env references never touch the keychain").hasValue(0);
    }

    @Test
    void sessionSecretsLiveInMemoryUntilDeleted() {
        SecretReference first = store.storeForSession(SECRET);
        SecretReference second = store.storeForSession("another");

        assertThat(first.kind()).isEqualTo(Kind.SESSION);
        assertThat(first).isNotEqualTo(second);
        assertThat(store.resolve(first.toString())).contains(SECRET);
        assertThat(store.resolve(second)).contains("another");

        store.delete(first);

        assertThat(store.resolve(first)).isEmpty();
        assertThat(store.resolve(second)).contains("another");
        assertThat(keychain.entries).as("session secrets are never written to the keychain").isEmpty();
    }

    @Test
    void anotherStoreDoesNotKnowThisSessionsSecrets() {
        SecretReference reference = store.storeForSession(SECRET);

        assertThat(new SecretStore(new FakeKeychain()).resolve(reference)).isEmpty();
    }

    @Test
    void aMalformedReferenceResolvesToNothing() {
        assertThat(store.resolve("not-a-reference")).isEmpty();
        assertThat(store.resolve((String) null)).isEmpty();
    }

    @Test
    void keychainSecretsAreStoredUnderANewRandomAccountAndReadBack() {
        SecretReference reference = store.storeInKeychain(SECRET);

        assertThat(reference.kind()).isEqualTo(Kind.KEYCHAIN);
        assertThat(keychain.entries).containsEntry(reference.key(), SECRET);
        assertThat(store.resolve(reference.toString())).contains(SECRET);
        assertThat(store.storeInKeychain(SECRET)).isNotEqualTo(reference);
    }

    @Test
    void updateKeepsTheReferenceAndReplacesTheSecret() {
        SecretReference reference = store.storeInKeychain(SECRET);

        store.updateInKeychain(reference, "new password");

        assertThat(store.resolve(reference)).contains("new password");
        assertThat(keychain.entries).hasSize(1);
    }

    @Test
    void onlyKeychainReferencesCanBeUpdatedInTheKeychain() {
        SecretReference session = store.storeForSession(SECRET);

        assertThatThrownBy(() -> store.updateInKeychain(session, "new password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("this is a session reference")
                .message().doesNotContain(SECRET).doesNotContain("new password");
        assertThat(store.resolve(session)).contains(SECRET);
    }

    @Test
    void deleteRemovesTheKeychainEntry() {
        SecretReference reference = store.storeInKeychain(SECRET);

        store.delete(reference);

        assertThat(keychain.entries).isEmpty();
        assertThat(store.resolve(reference)).isEmpty();
        store.delete(reference); // already gone: no error
    }

    @Test
    void theKeychainIsCheckedOnceAndTheAnswerRemembered() {
        assertThat(store.keychainStatus().available()).isTrue();
        SecretReference reference = store.storeInKeychain(SECRET);
        store.resolve(reference);
        store.delete(reference);
        assertThat(store.keychainStatus().available()).isTrue();

        assertThat(keychain.checks).hasValue(1);

        store.recheckKeychain();
        assertThat(keychain.checks).hasValue(2);
    }

    @Test
    void withoutAKeychainStoringFailsWithAPlainReasonAndNoSecret() {
        SecretStore noKeychain = new SecretStore(new FakeKeychain().missing(NO_KEYCHAIN));

        assertThat(noKeychain.keychainStatus()).isEqualTo(KeychainStatus.unusable(NO_KEYCHAIN));
        assertThatThrownBy(() -> noKeychain.storeInKeychain(SECRET))
                .isInstanceOf(KeychainUnavailableException.class)
                .hasMessage(NO_KEYCHAIN)
                .message().doesNotContain(SECRET);
        assertThatThrownBy(() -> noKeychain.resolve("keychain:" + UUID.randomUUID()))
                .isInstanceOf(KeychainUnavailableException.class)
                .hasMessage(NO_KEYCHAIN);
    }

    @Test
    void withoutAKeychainTheOtherPlacesStillWork() {
        SecretStore noKeychain = new SecretStore(new FakeKeychain().missing(NO_KEYCHAIN));

        SecretReference session = noKeychain.storeForSession(SECRET);

        assertThat(noKeychain.resolve(session)).contains(SECRET);
        assertThat(noKeychain.resolve("env:PATH")).contains(System.getenv("PATH"));
    }

    /**
     * A keyring locked after the check: the store passes on the reason, remembers the keychain as
     * unavailable and does not ask it again. (A real locked gnome-keyring is exercised in
     * {@link KeychainFallbackTest}; this double covers the store's side of it everywhere.)
     */
    @Test
    void aKeychainThatRefusesToStoreIsReportedAndRemembered() {
        String locked = JavaKeyringKeychain.REFUSED_TO_STORE;
        keychain.lockedForWrites(locked);
        assertThat(store.keychainStatus().available()).isTrue();

        assertThatThrownBy(() -> store.storeInKeychain(SECRET))
                .isInstanceOf(KeychainUnavailableException.class)
                .hasMessage(locked)
                .message().doesNotContain(SECRET);

        assertThat(store.keychainStatus()).isEqualTo(KeychainStatus.unusable(locked));
        assertThat(keychain.checks).hasValue(1);
        assertThatThrownBy(() -> store.updateInKeychain(SecretReference.parse("keychain:x"), SECRET))
                .isInstanceOf(KeychainUnavailableException.class)
                .hasMessage(locked);
        assertThat(keychain.entries).isEmpty();
    }

    @Test
    void aKeychainThatThrowsSomethingUnexpectedIsReportedWithoutItsMessage() {
        SecretStore store = new SecretStore(new FakeKeychain() {
            @Override
            public void set(String account, String secret) {
                throw new IllegalStateException("could not store " + secret);
            }
        });

        assertThatThrownBy(() -> store.storeInKeychain(SECRET))
                .isInstanceOf(KeychainUnavailableException.class)
                .hasMessage(NO_KEYCHAIN)
                .hasNoCause();
        assertThat(store.keychainStatus().available()).isFalse();
    }

    @Test
    void toStringShowsNoSessionSecret() {
        store.storeForSession(SECRET);

        assertThat(store.toString()).doesNotContain(SECRET).contains("sessionSecrets=1");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void plainMessagesOfferTheOtherPlaces() {
        assertThat(NO_KEYCHAIN).isEqualTo("The system keychain is not available (no Secret Service on the session bus)."
                + " Keep the password for this session only, or use an environment variable reference.");
        assertThat(JavaKeyringKeychain.REFUSED_TO_STORE)
                .contains("may be locked").contains("session only").contains("environment variable");
    }
}

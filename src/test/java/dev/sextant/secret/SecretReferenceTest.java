package dev.sextant.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.secret.SecretReference.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text form that configs store: read back exactly, and bad text rejected without being echoed. */
class SecretReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"keychain:5f1c8a52-3f7e-4d7a-9a55-1c2b3d4e5f60", "env:PGPASSWORD", "session:abc-123"})
    void readsBackWhatItWrites(String text) {
        SecretReference reference = SecretReference.parse(text);

        assertThat(reference.toString()).isEqualTo(text);
        assertThat(SecretReference.parse(reference.toString())).isEqualTo(reference);
    }

    @Test
    void splitsKindAndKeyAtTheFirstColon() {
        assertThat(SecretReference.parse("keychain:a:b")).isEqualTo(new SecretReference(Kind.KEYCHAIN, "a:b"));
        assertThat(SecretReference.parse("env:HOME")).isEqualTo(SecretReference.env("HOME"));
        assertThat(SecretReference.parse("session:x").kind()).isEqualTo(Kind.SESSION);
    }

    @Test
    void newEntriesGetDistinctRandomIds() {
        SecretReference first = SecretReference.newKeychainEntry();
        SecretReference second = SecretReference.newKeychainEntry();

        assertThat(first.kind()).isEqualTo(Kind.KEYCHAIN);
        assertThat(first.key()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(first).isNotEqualTo(second);
        assertThat(SecretReference.newSessionEntry().toString()).startsWith("session:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hunter2-is-my-password", "Vault:topsecret", "KEYCHAIN:abc", ":abc", "password"})
    void rejectsTextThatIsNoReferenceWithoutRepeatingIt(String text) {
        assertThatThrownBy(() -> SecretReference.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a secret reference")
                .hasMessageContaining("keychain:<id>, env:<NAME> or session:<id>")
                .message().doesNotContain(text).doesNotContain(text.substring(text.indexOf(':') + 1));
    }

    @Test
    void namesTheKindOfAReferenceWithNothingAfterTheColon() {
        assertThatThrownBy(() -> SecretReference.parse("keychain:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keychain secret reference has nothing after 'keychain:'");
        assertThatThrownBy(() -> SecretReference.parse("env:"))
                .hasMessageContaining("env secret reference");
    }

    @Test
    void rejectsKeysThatCannotBeAnAccountOrVariableNameWithoutRepeatingThem() {
        assertThatThrownBy(() -> SecretReference.parse("env:MY VAR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("space or control character")
                .message().doesNotContain("MY VAR");
        assertThatThrownBy(() -> SecretReference.parse("session:a\nb"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretReference.env("A=B"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'='");
    }

    @Test
    void aMissingReferenceSaysSo() {
        assertThatThrownBy(() -> SecretReference.parse(null)).hasMessageContaining("A secret reference is missing");
        assertThatThrownBy(() -> SecretReference.parse("")).hasMessageContaining("A secret reference is missing");
    }
}

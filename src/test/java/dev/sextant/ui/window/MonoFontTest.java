package dev.sextant.ui.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonoFontTest {

    @Test
    void theFirstPreferredFamilyTheSystemHasIsChosen() {
        assertThat(MonoFont.choose(List.of("System", "DejaVu Sans", "DejaVu Sans Mono", "Liberation Mono"))).isEqualTo("DejaVu Sans Mono");
        assertThat(MonoFont.choose(List.of("Segoe UI", "Consolas", "Courier New"))).isEqualTo("Consolas");
        assertThat(MonoFont.choose(List.of("Helvetica", "Menlo", "Courier"))).isEqualTo("Menlo");
        assertThat(MonoFont.choose(List.of("JetBrains Mono", "Menlo"))).isEqualTo("JetBrains Mono");
    }

    @Test
    void withoutAnyOfThemJavaFxsLogicalMonospacedFamilyIsUsed() {
        assertThat(MonoFont.choose(List.of("System", "Comic Sans"))).isEqualTo("Monospaced");
    }

    @Test
    void theStylesheetNamesOneFamilyForEverySelector() {
        String url = MonoFont.stylesheet("DejaVu Sans Mono");
        assertThat(url).startsWith("data:text/css;base64,");
        String css = new String(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)), StandardCharsets.UTF_8);
        assertThat(css).contains("-fx-font-family: \"DejaVu Sans Mono\";").doesNotContain("monospace,");
        assertThat(MonoFont.SELECTORS).allSatisfy(selector -> assertThat(css).contains(selector));
    }
}

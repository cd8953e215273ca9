package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalWidthTest {

    @Test
    void wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
        assertThat(TerminalWidth.of("abc")).isEqualTo(3);
        assertThat(TerminalWidth.of("日本語")).isEqualTo(6);
        assertThat(TerminalWidth.of("한국어")).isEqualTo(6);
        assertThat(TerminalWidth.of("ｆｕｌｌ")).as("full-width Latin").isEqualTo(8);
        assertThat(TerminalWidth.of("e\u0301")).as("e and a combining acute accent").isEqualTo(1);
        assertThat(TerminalWidth.of("🙂")).isEqualTo(2);
        assertThat(TerminalWidth.of("𠀋")).as("outside the basic plane").isEqualTo(2);
    }

    @Test
    void paddingAndCuttingCountColumnsAndKeepCharactersWhole() {
        assertThat(TerminalWidth.pad("日本", 6)).isEqualTo("日本  ");
        assertThat(TerminalWidth.cut("日本語テキスト", 7)).isEqualTo("日本語…");
        assertThat(TerminalWidth.of(TerminalWidth.cut("日本語テキスト", 8))).isLessThanOrEqualTo(8);
        assertThat(TerminalWidth.cut("🙂🙂🙂", 4)).as("no half of a surrogate pair").isEqualTo("🙂…");
        assertThat(TerminalWidth.cut("short", 10)).isEqualTo("short");
    }
}

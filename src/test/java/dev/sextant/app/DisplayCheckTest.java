package dev.sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayCheckTest {

    @Test
    void aLinuxSessionWithoutDisplayOrWaylandHasNoDisplay() {
        assertThat(DisplayCheck.missing("Linux", Map.of())).isTrue();
        assertThat(DisplayCheck.missing("Linux", Map.of("DISPLAY", " ", "WAYLAND_DISPLAY", ""))).isTrue();
    }

    @Test
    void eitherVariableIsADisplay() {
        assertThat(DisplayCheck.missing("Linux", Map.of("DISPLAY", ":0"))).isFalse();
        assertThat(DisplayCheck.missing("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"))).isFalse();
    }

    @Test
    void macOsAndWindowsAlwaysHaveTheirDesktop() {
        assertThat(DisplayCheck.missing("Mac OS X", Map.of())).isFalse();
        assertThat(DisplayCheck.missing("Windows 11", Map.of())).isFalse();
    }
}

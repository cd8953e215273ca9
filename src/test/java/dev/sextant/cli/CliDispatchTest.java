package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which arguments start the window and which run a command. */
class CliDispatchTest {

    @Test
    void onlyTheDataFolderFlagStillOpensTheWindow() {
        assertThat(Cli.isCommand(new String[0])).isFalse();
        assertThat(Cli.isCommand(new String[] {"--home", "/data/sx"})).isFalse();
        assertThat(Cli.isCommand(new String[] {"--home=/data/sx"})).isFalse();
        assertThat(Cli.isCommand(new String[] {"-psn_0_1234"})).isFalse();

        assertThat(Cli.isCommand(new String[] {"--home", "/data/sx", "connections", "list"})).isTrue();
        assertThat(Cli.isCommand(new String[] {"query", "-c", "x", "SELECT 1"})).isTrue();
        assertThat(Cli.isCommand(new String[] {"--help"})).isTrue();
        assertThat(Cli.isCommand(new String[] {"--version"})).isTrue();
    }

    @Test
    void theMcpServerIsTheCommandMcpNotAConnectionNamedSo() {
        assertThat(Cli.isMcp(new String[] {"mcp"})).isTrue();
        assertThat(Cli.isMcp(new String[] {"--home", "/x", "-v", "mcp", "--max-rows", "5"})).isTrue();
        assertThat(Cli.isMcp(new String[] {"query", "-c", "mcp", "SELECT 1"})).isFalse();
    }
}

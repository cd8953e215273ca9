package dev.sextant.cli;

import java.io.Console;
import java.util.Optional;

/**
 * Where the command line asks a person for a secret: the terminal, without echo. When there is no
 * terminal (a script, a pipe, an MCP client), nothing is asked and the command says which reference
 * to set up instead.
 */
public interface Terminal {

    /** The typed secret, or empty when no one can be asked. */
    Optional<char[]> readSecret(String prompt);

    /** The process's own terminal, if it has one. */
    static Terminal system() {
        return prompt -> {
            Console console = System.console();
            if (console == null) {
                return Optional.empty();
            }
            char[] typed = console.readPassword("%s", prompt);
            return typed == null ? Optional.empty() : Optional.of(typed);
        };
    }

    /** For runs that must never ask (the MCP server). */
    static Terminal none() {
        return prompt -> Optional.empty();
    }
}

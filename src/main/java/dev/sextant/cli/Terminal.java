package dev.sextant.cli;

import java.io.Console;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the command line asks a person: a secret, on the terminal without echo, or a yes-or-no question.
 * When there is no terminal (a script, a pipe, an MCP client), nothing is asked and the command says
 * what to do instead.
 */
public interface Terminal {

    /** The typed secret, or empty when no one can be asked. */
    Optional<char[]> readSecret(String prompt);

    /** Asks a yes-or-no question; false when no one can be asked. This default never asks. */
    default boolean confirm(String question) {
        return false;
    }

    /** The process's own terminal, if it has one. */
    static Terminal system() {
        return new Terminal() {
            @Override
            public Optional<char[]> readSecret(String prompt) {
                Console console = System.console();
                if (console == null) {
                    return Optional.empty();
                }
                char[] typed = console.readPassword("%s", prompt);
                return typed == null ? Optional.empty() : Optional.of(typed);
            }

            @Override
            public boolean confirm(String question) {
                Console console = System.console();
                if (console == null) {
                    return false;
                }
                String answer = console.readLine("%s", question);
                return answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
            }
        };
    }

    /** For runs that must never ask (the MCP server). */
    static Terminal none() {
        return prompt -> Optional.empty();
    }
}

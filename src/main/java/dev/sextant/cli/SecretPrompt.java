package dev.sextant.cli;

import dev.sextant.query.Workspace;
import java.util.Arrays;

/** Asks on the terminal, without echo, for a secret that its reference could not give. */
final class SecretPrompt {

    private SecretPrompt() {
    }

    static Workspace.MissingSecret on(Terminal terminal) {
        return (config, label, reason) -> terminal.readSecret(label + " for connection '" + config.name() + "' ("
                + reason + "): ").map(typed -> {
                    String value = new String(typed);
                    Arrays.fill(typed, '\0');
                    return value;
                });
    }
}

package dev.sextant.mcp;

import java.time.Duration;

/**
 * The limits of one MCP server run.
 *
 * @param maxRows the most rows one query hands to the client (a client may ask for fewer, never more)
 * @param timeout how long one call may run before its statement is cancelled on the database
 * @param version Sextant's version, told to clients when they connect
 */
public record McpSettings(int maxRows, Duration timeout, String version) {

    public McpSettings {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }
}

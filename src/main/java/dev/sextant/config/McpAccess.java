package dev.sextant.config;

/**
 * What an MCP client (an LLM tool talking to {@code sextant mcp}) may do with a connection. Both are
 * off unless the user turns them on, so a new or imported connection is invisible to such clients.
 *
 * @param available the connection is listed to MCP clients and they may read through it
 * @param mayWrite  statements that change data or schema may run; otherwise every MCP session on this
 *                  connection is read-only, enforced by the database
 */
public record McpAccess(boolean available, boolean mayWrite) {

    /** Not visible to MCP clients at all: the default. */
    public static final McpAccess NONE = new McpAccess(false, false);

    /** Visible, on read-only sessions. */
    public static final McpAccess READ_ONLY = new McpAccess(true, false);
}

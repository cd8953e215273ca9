package dev.sextant.mcp;

/**
 * Sextant's own rules stopped an MCP call: the connection is not available to MCP, the statement would
 * change data on a read-only connection, it would read more than the connection's cap, or it ran out of
 * time. The message is for the client (and so for the model and its user) and names the rule.
 */
public class McpRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public McpRefusal(String message) {
        super(message);
    }

    public McpRefusal(String message, Throwable cause) {
        super(message, cause);
    }
}

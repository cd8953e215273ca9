package dev.sextant.mcp;

import dev.sextant.audit.AuditEntry;

/**
 * What one MCP call produced: JSON text for the client, or an error message, and what the audit log
 * records about it.
 *
 * @param text     JSON on success, a plain message otherwise
 * @param rowCount rows returned or changed, or null
 */
public record ToolResult(AuditEntry.Outcome outcome, String text, Long rowCount) {

    public boolean isError() {
        return outcome != AuditEntry.Outcome.OK;
    }
}

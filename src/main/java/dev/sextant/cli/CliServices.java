package dev.sextant.cli;

import dev.sextant.audit.AuditLog;
import dev.sextant.config.ConnectionCatalog;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.query.Workspace;
import java.nio.file.Path;

/**
 * What the commands work with, built by the composition root. The store is opened on first use, so
 * {@code --help} and usage errors never touch the data folder.
 */
public interface CliServices {

    /** The data folder, for messages. */
    Path home();

    String version();

    ConnectorRegistry registry();

    /** The saved connections and their secrets; opens the store. */
    ConnectionCatalog catalog();

    /** Builds connectors with secrets resolved. */
    Workspace workspace();

    /** The MCP audit log; opens the store. */
    AuditLog auditLog();
}

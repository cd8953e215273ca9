package dev.sextant.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.audit.AuditEntry;
import dev.sextant.audit.AuditLog;
import dev.sextant.config.ConnectionCatalog;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.query.Workspace;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Model Context Protocol over stdio, on the MCP Java SDK (docs/decisions/0011): the tools
 * {@code list_connections}, {@code describe_schema}, {@code describe_object} and {@code run_query}, and
 * one resource per connection's schema. The work itself is {@link McpTools}'; this class only speaks the
 * protocol. Nothing but protocol messages is written to the output stream.
 */
public final class SextantMcpServer {

    static final String SCHEME = "sextant://schema/";
    private static final Logger LOG = LoggerFactory.getLogger(SextantMcpServer.class);

    private final McpTools tools;
    private final McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());

    public SextantMcpServer(ConnectionCatalog catalog, Workspace workspace, AuditLog audit, McpSettings settings) {
        this.tools = new McpTools(catalog, workspace, audit, settings);
    }

    /** Answers requests from {@code in} on {@code out} until the client closes {@code in}. */
    public void serve(InputStream in, OutputStream out) {
        StdioExchange exchange = new StdioExchange(tools.settings().timeout().plusSeconds(5));
        StdioServerTransportProvider transport = new StdioServerTransportProvider(json, exchange.watch(in), exchange.watch(out));
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("sextant", tools.settings().version())
                .instructions("Sextant lets you read databases the user has saved connections for. Call list_connections "
                        + "first, then describe_schema and describe_object to learn the tables, then run_query. Sessions are "
                        + "read-only unless the user allowed writes; results are capped at " + tools.settings().maxRows()
                        + " rows and each call at " + tools.settings().timeout().toSeconds() + " seconds.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
                .tools(listConnections(), describeSchema(), describeObject(), runQuery())
                .resources(resources())
                .resourceTemplates(new McpServerFeatures.SyncResourceTemplateSpecification(
                        McpSchema.ResourceTemplate.builder(SCHEME + "{connection}/{schema}", "schema")
                                .title("A schema of a connection")
                                .description("The tables and views of one schema, with their columns, as JSON.")
                                .mimeType("application/json").build(),
                        this::readResource))
                .build();
        LOG.info("MCP server started with {} connections available", tools.available().size());
        try {
            // requests sent just before the client closed its end are answered before the server stops
            exchange.awaitEnd();
            if (exchange.unanswered() > 0) {
                LOG.warn("{} requests were still unanswered when the server stopped", exchange.unanswered());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.closeGracefully();
            tools.close();
            LOG.info("MCP server stopped");
        }
    }

    private McpServerFeatures.SyncToolSpecification listConnections() {
        return tool("list_connections", "List connections",
                "The database connections you may use: name, type (postgresql, bigquery, h2), kind (development, test, "
                        + "production) and whether they are read-only.",
                "{\"type\":\"object\",\"properties\":{}}", true,
                (client, args) -> tools.listConnections(client));
    }

    private McpServerFeatures.SyncToolSpecification describeSchema() {
        return tool("describe_schema", "Describe a schema",
                "Without 'schema': the schemas (datasets) of a connection. With 'schema': its tables and views with their "
                        + "columns, and its routines and sequences.",
                "{\"type\":\"object\",\"properties\":{"
                        + "\"connection\":{\"type\":\"string\",\"description\":\"a name from list_connections\"},"
                        + "\"schema\":{\"type\":\"string\",\"description\":\"a schema (dataset) name\"}},"
                        + "\"required\":[\"connection\"]}", true,
                (client, args) -> tools.describeSchema(client, text(args, "connection"), text(args, "schema")));
    }

    private McpServerFeatures.SyncToolSpecification describeObject() {
        return tool("describe_object", "Describe a table or view",
                "One table or view in full: columns with types and comments, primary and foreign keys, indexes, "
                        + "constraints, triggers and a view's definition.",
                "{\"type\":\"object\",\"properties\":{"
                        + "\"connection\":{\"type\":\"string\"},\"schema\":{\"type\":\"string\"},"
                        + "\"object\":{\"type\":\"string\",\"description\":\"the table or view name\"}},"
                        + "\"required\":[\"connection\",\"schema\",\"object\"]}", true,
                (client, args) -> tools.describeObject(client, text(args, "connection"), text(args, "schema"),
                        text(args, "object")));
    }

    private McpServerFeatures.SyncToolSpecification runQuery() {
        return tool("run_query", "Run a SQL statement",
                "Runs one SQL statement and returns its columns and rows (capped). Use ? markers and 'params' for values. "
                        + "On a read-only connection only queries may run.",
                "{\"type\":\"object\",\"properties\":{"
                        + "\"connection\":{\"type\":\"string\"},\"sql\":{\"type\":\"string\"},"
                        + "\"params\":{\"type\":\"array\",\"description\":\"values for the ? markers, in order\"},"
                        + "\"max_rows\":{\"type\":\"integer\",\"minimum\":1}},"
                        + "\"required\":[\"connection\",\"sql\"]}", false,
                (client, args) -> tools.runQuery(client, text(args, "connection"), text(args, "sql"), params(args),
                        args.get("max_rows") instanceof Number n ? n.intValue() : null));
    }

    /** A handler of one tool: the client's name and the call's arguments in, the result out. */
    @FunctionalInterface
    private interface Handler {
        ToolResult call(String client, Map<String, Object> args);
    }

    private McpServerFeatures.SyncToolSpecification tool(String name, String title, String description, String schema,
                                                         boolean readOnlyHint, Handler handler) {
        McpSchema.Tool tool = McpSchema.Tool.builder(name, json, schema).title(title).description(description)
                .annotations(new McpSchema.ToolAnnotations(title, readOnlyHint, false, true, true, null))
                .build();
        return McpServerFeatures.SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
            ToolResult result = handler.call(client(exchange), request.arguments() == null ? Map.of() : request.arguments());
            return McpSchema.CallToolResult.builder().addTextContent(result.text()).isError(result.isError()).build();
        }).build();
    }

    /** One resource per connection available when the server started; a template reaches any other. */
    private List<McpServerFeatures.SyncResourceSpecification> resources() {
        List<McpServerFeatures.SyncResourceSpecification> list = new ArrayList<>();
        for (ExternalDatabaseConfig c : tools.available()) {
            String uri = SCHEME + URLEncoder.encode(c.name(), StandardCharsets.UTF_8).replace("+", "%20");
            list.add(new McpServerFeatures.SyncResourceSpecification(McpSchema.Resource.builder(uri, c.name())
                    .title("Schemas of " + c.name())
                    .description("The schemas (datasets) of connection '" + c.name() + "' (" + c.type() + ").")
                    .mimeType("application/json").build(), this::readResource));
        }
        return list;
    }

    private McpSchema.ReadResourceResult readResource(McpSyncServerExchange exchange, McpSchema.ReadResourceRequest request) {
        String uri = request.uri();
        if (!uri.startsWith(SCHEME)) {
            throw new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND,
                    "Not a Sextant resource: " + uri, null));
        }
        String[] parts = uri.substring(SCHEME.length()).split("/", 2);
        String connection = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        String schema = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
        ToolResult result = tools.describeSchema(client(exchange), connection, schema);
        if (result.outcome() != AuditEntry.Outcome.OK) {
            throw new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND,
                    result.text(), null));
        }
        return McpSchema.ReadResourceResult.builder(List.of(McpSchema.TextResourceContents.builder(uri, result.text())
                .mimeType("application/json").build())).build();
    }

    private static String client(McpSyncServerExchange exchange) {
        McpSchema.Implementation info = exchange.getClientInfo();
        return info == null ? "" : info.name() + (info.version() == null ? "" : " " + info.version());
    }

    private static String text(Map<String, Object> args, String name) {
        Object value = args.get(name);
        return value == null ? null : value.toString();
    }

    private static List<Object> params(Map<String, Object> args) {
        Object value = args.get("params");
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        return List.of();
    }
}

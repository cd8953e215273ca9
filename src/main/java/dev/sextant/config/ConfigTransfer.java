package dev.sextant.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Moves connection configs between machines as a versioned JSON file. Secrets never travel: environment
 * references ({@code env:NAME}) are exported because they name a variable, not a value; keychain and
 * session references only make sense on the machine that made them, so they are left out and listed as
 * {@code secretsLeftOut}.
 */
public final class ConfigTransfer {

    public static final String FORMAT = "sextant-connections";
    public static final int VERSION = 1;

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ConfigValidator validator;

    public ConfigTransfer(ConfigValidator validator) {
        this.validator = validator;
    }

    public String export(List<ExternalDatabaseConfig> configs) {
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("exportedAt", Instant.now().toString());
        ArrayNode list = root.putArray("connections");
        for (ExternalDatabaseConfig c : configs) {
            ObjectNode node = list.addObject();
            node.put("name", c.name());
            node.put("type", c.type());
            node.put("folder", c.folder());
            node.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
            node.put("readOnly", c.readOnly());
            if (c.color() != null) {
                node.put("color", c.color());
            }
            ObjectNode mcp = node.putObject("mcp");
            mcp.put("available", c.mcp().available());
            mcp.put("mayWrite", c.mcp().mayWrite());
            ObjectNode params = node.putObject("parameters");
            c.parameters().forEach(params::put);
            ObjectNode secrets = node.putObject("secretRefs");
            ArrayNode leftOut = json.createArrayNode();
            c.secretRefs().forEach((field, ref) -> {
                if (ref.startsWith("env:")) {
                    secrets.put(field, ref);
                } else {
                    leftOut.add(field);
                }
            });
            if (!leftOut.isEmpty()) {
                node.set("secretsLeftOut", leftOut);
            }
        }
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the export", e);
        }
    }

    /**
     * Reads an export file and works out what importing it would do against {@code existing}. A saved
     * config with the same folder and name is replaced (keeping its id and, for secrets the file leaves
     * out, its own references); anything else is added.
     *
     * @throws ImportException naming the problem and the entry, for the first problem found
     */
    public ImportPreview preview(String text, List<ExternalDatabaseConfig> existing) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new ImportException("The file is not valid JSON" + where + ". Was it exported by Sextant?", e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new ImportException("The file is not a Sextant connections export (its \"format\" is not \"" + FORMAT + "\").");
        }
        if (!root.path("version").isInt() || root.path("version").asInt() != VERSION) {
            throw new ImportException("The file has format version " + root.path("version")
                    + ", which this Sextant does not know (it reads version " + VERSION + "). Update Sextant to import it.");
        }
        JsonNode list = root.path("connections");
        if (!list.isArray()) {
            throw new ImportException("The file has no \"connections\" list.");
        }
        List<ImportPreview.Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (JsonNode node : list) {
            index++;
            ExternalDatabaseConfig parsed = entry(node, index);
            String label = "Entry " + index + " ('" + parsed.name() + "')";
            if (!seen.add(parsed.folder() + "/" + parsed.name())) {
                throw new ImportException(label + " has the same folder and name as an earlier entry.");
            }
            Optional<ExternalDatabaseConfig> same = existing.stream()
                    .filter(c -> c.folder().equals(parsed.folder()) && c.name().equals(parsed.name())).findFirst();
            ExternalDatabaseConfig config = same.map(old -> merge(parsed, old)).orElse(parsed);
            List<FieldProblem> problems = validator.problems(config);
            if (!problems.isEmpty()) {
                throw new ImportException(label + ": " + String.join(" ", problems.stream().map(FieldProblem::message).toList()));
            }
            items.add(new ImportPreview.Item(same.isPresent() ? ImportPreview.Action.REPLACE : ImportPreview.Action.ADD, config));
        }
        return new ImportPreview(items);
    }

    /** The imported settings under the saved config's id, keeping its references for secrets the file left out. */
    private static ExternalDatabaseConfig merge(ExternalDatabaseConfig imported, ExternalDatabaseConfig old) {
        Map<String, String> refs = new LinkedHashMap<>(old.secretRefs());
        refs.putAll(imported.secretRefs());
        return new ExternalDatabaseConfig(old.id(), imported.name(), imported.type(), imported.parameters(), refs,
                imported.kind(), imported.readOnly(), imported.folder(), imported.color(), old.createdAt(), null,
                imported.mcp());
    }

    private static ExternalDatabaseConfig entry(JsonNode node, int index) {
        String label = "Entry " + index;
        if (!node.isObject()) {
            throw new ImportException(label + " is not a connection object.");
        }
        String name = text(node, "name", label, true);
        label = label + " ('" + name + "')";
        String type = text(node, "type", label, true);
        String kindText = Optional.ofNullable(text(node, "kind", label, false)).orElse("development");
        ConnectionKind kind;
        try {
            kind = ConnectionKind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ImportException(label + " has kind '" + kindText + "'; use development, test or production.");
        }
        JsonNode readOnly = node.path("readOnly");
        if (!readOnly.isMissingNode() && !readOnly.isBoolean()) {
            throw new ImportException(label + ": \"readOnly\" must be true or false.");
        }
        return new ExternalDatabaseConfig(UUID.randomUUID().toString(), name, type, strings(node, "parameters", label),
                strings(node, "secretRefs", label), kind, readOnly.asBoolean(false),
                Optional.ofNullable(text(node, "folder", label, false)).orElse(""), text(node, "color", label, false), null, null,
                mcp(node, label));
    }

    /** The optional "mcp" object; a file without it (or from an older Sextant) keeps MCP clients out. */
    private static McpAccess mcp(JsonNode node, String label) {
        JsonNode mcp = node.path("mcp");
        if (mcp.isMissingNode() || mcp.isNull()) {
            return McpAccess.NONE;
        }
        if (!mcp.isObject()) {
            throw new ImportException(label + ": \"mcp\" must be an object with \"available\" and \"mayWrite\".");
        }
        for (String flag : List.of("available", "mayWrite")) {
            if (!mcp.path(flag).isMissingNode() && !mcp.path(flag).isBoolean()) {
                throw new ImportException(label + ": \"mcp." + flag + "\" must be true or false.");
            }
        }
        return new McpAccess(mcp.path("available").asBoolean(false), mcp.path("mayWrite").asBoolean(false));
    }

    private static String text(JsonNode node, String field, String label, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new ImportException(label + " has no \"" + field + "\".");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new ImportException(label + ": \"" + field + "\" must be text.");
        }
        return value.asText();
    }

    private static Map<String, String> strings(JsonNode node, String field, String label) {
        JsonNode value = node.path(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (value.isMissingNode() || value.isNull()) {
            return map;
        }
        if (!value.isObject()) {
            throw new ImportException(label + ": \"" + field + "\" must be an object of names to text.");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new ImportException(label + ": \"" + field + "." + e.getKey() + "\" must be text.");
            }
            map.put(e.getKey(), e.getValue().asText());
        }
        return map;
    }
}

package dev.sextant.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.testing.SextantProcess;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A minimal MCP client for tests: starts {@code sextant mcp} as a process and speaks JSON-RPC over its
 * stdin and stdout, one message per line, as an LLM client does. Every line the server writes to stdout
 * must be a JSON-RPC message.
 */
final class McpClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final OutputStream in;
    private final BufferedReader out;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> stdoutLines = new ArrayList<>();
    private int nextId = 1;

    McpClient(Path home, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("mcp"));
        args.addAll(List.of(options));
        process = SextantProcess.start(SextantProcess.command(List.of("-Xmx256m"), SextantProcess.classPath(e -> false), home,
                args.toArray(new String[0])));
        in = process.getOutputStream();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        SextantProcess.drain(process.getErrorStream(), err);
    }

    /** Sends a request and returns its "result"; fails the test on a JSON-RPC error. */
    JsonNode request(String method, Object params) throws IOException {
        JsonNode response = send(method, params);
        if (response.has("error")) {
            throw new AssertionError(method + " failed: " + response.get("error") + "\nstderr: " + stderr());
        }
        return response.get("result");
    }

    /** Sends a request and returns the whole response, error or not. */
    JsonNode send(String method, Object params) throws IOException {
        int id = nextId++;
        ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        if (params != null) {
            message.set("params", JSON.valueToTree(params));
        }
        write(message);
        while (true) {
            String line = out.readLine();
            if (line == null) {
                throw new AssertionError("the server closed stdout before answering " + method + "\nstderr: " + stderr());
            }
            stdoutLines.add(line);
            JsonNode reply = JSON.readTree(line);
            if (!"2.0".equals(reply.path("jsonrpc").asText())) {
                throw new AssertionError("not a JSON-RPC message on stdout: " + line);
            }
            if (reply.path("id").asInt(-1) == id) {
                return reply;
            }
        }
    }

    void notify(String method) throws IOException {
        write(JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method));
    }

    /** initialize, then the initialized notification, as a client starts a session. */
    JsonNode initialize() throws IOException {
        JsonNode result = request("initialize", java.util.Map.of("protocolVersion", "2025-06-18", "capabilities", java.util.Map.of(),
                "clientInfo", java.util.Map.of("name", "sextant-test", "version", "1.0")));
        notify("notifications/initialized");
        return result;
    }

    /** tools/call; returns the result (with "isError" and "content"). */
    JsonNode call(String tool, Object arguments) throws IOException {
        return request("tools/call", java.util.Map.of("name", tool, "arguments", arguments));
    }

    /** The text of a tool result's first content item. */
    static String text(JsonNode result) {
        return result.path("content").get(0).path("text").asText();
    }

    static JsonNode json(JsonNode result) throws IOException {
        return JSON.readTree(text(result));
    }

    private void write(JsonNode message) throws IOException {
        in.write((JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    List<String> stdoutLines() {
        return stdoutLines;
    }

    /** Closes the server's stdin, as a client does when it quits, and waits for it to end. */
    @Override
    public void close() {
        try {
            in.close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("sextant mcp did not stop when its stdin closed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroyForcibly();
        }
    }

    int exitCode() {
        return process.exitValue();
    }
}

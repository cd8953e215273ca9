package dev.sextant.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Watches the two ends of a stdio transport, one JSON-RPC message per line: which requests the client
 * sent, which of them were answered, and whether the client has closed its end. A client that sends its
 * requests and closes its end at once (a script piping a few lines in) still gets every answer: the end of
 * the input reaches the server (the MCP SDK closes its session then, dropping answers not yet written) only
 * once each request read is answered or cancelled by the client ({@code notifications/cancelled}, after
 * which the server need not answer), or once a time limit has passed.
 */
final class StdioExchange {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Object lock = new Object();
    private final Duration limit;
    /** The ids of the requests read and not yet answered or cancelled, as JSON text ("7", "\"a\""). */
    private final Set<String> open = new HashSet<>();
    private boolean ended;

    /** {@code limit}: how long the end of the input may wait for the answers still to come. */
    StdioExchange(Duration limit) {
        this.limit = limit;
    }

    /**
     * The client's end: counts each request as it is read, before the server has begun on it, and holds the
     * end of the input back until the requests are answered.
     */
    InputStream watch(InputStream in) {
        return new FilterInputStream(in) {
            private final Lines lines = new Lines(StdioExchange.this::read);

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b < 0) {
                    awaitAnswers();
                } else {
                    lines.add((byte) b);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    awaitAnswers();
                } else {
                    lines.add(b, off, n);
                }
                return n;
            }
        };
    }

    /** The server's end: notes each answer (a message with an id and no method) as it is written. */
    OutputStream watch(OutputStream out) {
        return new FilterOutputStream(out) {
            private final Lines lines = new Lines(StdioExchange.this::written);

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                lines.add((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                lines.add(b, off, len);
            }
        };
    }

    /** Waits until the client has closed its end and the end has been passed on to the server. */
    void awaitEnd() throws InterruptedException {
        synchronized (lock) {
            while (!ended) {
                lock.wait();
            }
        }
    }

    long unanswered() {
        synchronized (lock) {
            return open.size();
        }
    }

    private void awaitAnswers() throws java.io.InterruptedIOException {
        synchronized (lock) {
            try {
                long deadline = System.nanoTime() + limit.toNanos();
                long left;
                while (!open.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                    lock.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("stopped while waiting for the last answers");
            } finally {
                ended = true;
                lock.notifyAll();
            }
        }
    }

    private void read(JsonNode message) {
        if (message.has("method") && message.has("id")) {
            synchronized (lock) {
                open.add(message.get("id").toString());
            }
        } else if ("notifications/cancelled".equals(message.path("method").asText())
                && message.path("params").has("requestId")) {
            settle(message.path("params").get("requestId"));
        }
    }

    private void written(JsonNode message) {
        if (message.has("id") && !message.has("method")) {
            settle(message.get("id"));
        }
    }

    private void settle(JsonNode id) {
        synchronized (lock) {
            open.remove(id.toString());
            lock.notifyAll();
        }
    }

    /** Cuts a byte stream into lines and hands on each one that is a JSON object; anything else is passed over. */
    private static final class Lines {
        private final Consumer<JsonNode> onMessage;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Lines(Consumer<JsonNode> onMessage) {
            this.onMessage = onMessage;
        }

        synchronized void add(byte b) {
            if (b == '\n') {
                complete();
            } else {
                line.write(b);
            }
        }

        synchronized void add(byte[] b, int off, int len) {
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    line.write(b, start, i - start);
                    complete();
                    start = i + 1;
                }
            }
            line.write(b, start, off + len - start);
        }

        private void complete() {
            if (line.size() > 0) {
                try {
                    JsonNode node = JSON.readTree(line.toByteArray());
                    if (node != null && node.isObject()) {
                        onMessage.accept(node);
                    }
                } catch (IOException notJson) {
                    // not a message: the server answers it with an error of its own, or passes it over
                }
            }
            line.reset();
        }
    }
}

package dev.sextant.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bookkeeping that holds the end of a client's input back until its requests are settled. */
class StdioExchangeTest {

    /** The client's end holding these messages, read up to (not including) its end, as the server would. */
    private static InputStream readFrom(StdioExchange exchange, String... messages) throws IOException {
        byte[] data = (String.join("\n", messages) + "\n").getBytes(StandardCharsets.UTF_8);
        InputStream in = exchange.watch(new ByteArrayInputStream(data));
        byte[] buffer = new byte[data.length];
        int read = 0;
        while (read < data.length) {
            int n = in.read(buffer, read, data.length - read);
            assertThat(n).as("bytes read").isPositive();
            read += n;
        }
        return in;
    }

    private static void write(OutputStream out, String message) throws IOException {
        out.write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aRequestTheClientCancelledNeedsNoAnswerBeforeTheInputEnds() throws Exception {
        // a limit far beyond the test's own: the end of the input must not wait for it
        StdioExchange exchange = new StdioExchange(Duration.ofMinutes(5));
        OutputStream out = exchange.watch(new ByteArrayOutputStream());
        InputStream in = readFrom(exchange,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":\"call-2\",\"method\":\"tools/call\",\"params\":{\"name\":\"run_query\"}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"call-2\",\"reason\":\"user\"}}");
        write(out, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":[]}}");

        assertThat(exchange.unanswered()).isZero();
        assertThat(in.read()).as("the end of the input, passed on at once").isEqualTo(-1);
        exchange.awaitEnd();
    }

    @Test
    void answersAreMatchedToTheirRequestsByIdNotCounted() throws Exception {
        StdioExchange exchange = new StdioExchange(Duration.ofMillis(200));
        OutputStream out = exchange.watch(new ByteArrayOutputStream());
        InputStream in = readFrom(exchange,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/list\"}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        // an answer to a request never read (a stray id) settles nothing; the same answer twice settles one
        write(out, "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}");
        write(out, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
        write(out, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
        // a message the server sends of its own (a notification) is no answer
        write(out, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{}}");

        assertThat(exchange.unanswered()).isEqualTo(1);
        // request 2 stays open: the end of the input waits for it until the limit, then passes on
        assertThat(in.read()).isEqualTo(-1);
        assertThat(exchange.unanswered()).isEqualTo(1);
        exchange.awaitEnd();
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void theEndOfTheInputPassesOnOnceTheLastAnswerIsWritten() throws Exception {
        StdioExchange exchange = new StdioExchange(Duration.ofMinutes(5));
        OutputStream out = exchange.watch(new ByteArrayOutputStream());
        InputStream in = readFrom(exchange, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\"}");
        Thread server = new Thread(() -> {
            try {
                Thread.sleep(300);
                write(out, "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        server.start();

        assertThat(in.read()).isEqualTo(-1);
        assertThat(exchange.unanswered()).isZero();
        server.join();
    }
}

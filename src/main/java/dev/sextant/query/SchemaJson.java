package dev.sextant.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The schema model as compressed JSON, for the schema cache. The model's records are written by their
 * components, so a field the model gains is cached without a change here; reading ignores fields it does
 * not know, so a cache written by a newer Sextant still opens. The schema package itself stays free of
 * JSON: this class is the only one that knows the format.
 */
public final class SchemaJson {

    /** Bumped when the JSON can no longer be read as the model; older rows then count as not cached. */
    public static final int FORMAT = 1;

    private static final TypeReference<List<SchemaRef>> REFS = new TypeReference<>() { };
    private final ObjectMapper json = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public byte[] write(Schema schema) {
        return gzip(schema);
    }

    public byte[] writeRefs(List<SchemaRef> refs) {
        return gzip(refs);
    }

    /** @throws IllegalArgumentException when the bytes are not a schema in this format */
    public Schema read(byte[] content) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            return json.readValue(in, Schema.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The cached schema cannot be read: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not a schema list in this format */
    public List<SchemaRef> readRefs(byte[] content) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            return json.readValue(in, REFS);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The cached schema list cannot be read: " + e.getMessage(), e);
        }
    }

    private byte[] gzip(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            json.writeValue(out, value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The schema could not be written as JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

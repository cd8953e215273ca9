package dev.sextant.connector.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.connector.ConfigField;
import dev.sextant.connector.ConnectorProvider;
import dev.sextant.connector.ConnectorRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which values of a file field the connection form accepts: each connector decides what its "file" is. */
class H2FileFieldTest {

    @TempDir
    Path dir;

    private final ConnectorProvider h2 = ConnectorRegistry.loadInstalled().provider("h2");
    private final ConfigField path = h2.fields().stream().filter(f -> f.name().equals("path")).findFirst().orElseThrow();

    @Test
    void anH2PathNamesTheDatabaseWithOrWithoutItsSuffix() throws Exception {
        Files.writeString(dir.resolve("shop.mv.db"), "");

        assertThat(h2.fileProblem(path, dir.resolve("shop").toString(), Map.of())).isEmpty();
        assertThat(h2.fileProblem(path, dir.resolve("shop.mv.db").toString(), Map.of())).isEmpty();
        assertThat(h2.fileProblem(path, "mem:scratch", Map.of())).isEmpty();
        assertThat(h2.fileProblem(path, dir.resolve("missing").toString(), Map.of()))
                .hasValueSatisfying(m -> assertThat(m).startsWith("'Database file': there is no H2 database at"));
        assertThat(h2.fileProblem(path, dir.resolve("missing").toString(), Map.of("create", "true")))
                .as("a database it will create").isEmpty();
    }

    @Test
    void theDefaultWantsAReadableFileAndNamesTheField() throws Exception {
        ConfigField cert = ConfigField.of("cert", "Root certificate", dev.sextant.connector.FieldType.FILE, false, null, "SSL", "");
        ConnectorProvider pg = ConnectorRegistry.loadInstalled().provider("postgresql");
        Path file = Files.writeString(dir.resolve("ca.pem"), "x");

        assertThat(pg.fileProblem(cert, file.toString(), Map.of())).isEmpty();
        assertThat(pg.fileProblem(cert, dir.toString(), Map.of())).hasValue("'Root certificate' is a folder; choose a file.");
        assertThat(pg.fileProblem(cert, dir.resolve("nope.pem").toString(), Map.of()))
                .hasValue("'Root certificate': there is no readable file at " + dir.resolve("nope.pem") + ".");
    }
}

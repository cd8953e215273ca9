package dev.sextant.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;

class ConnectorRegistryTest {

    @Test
    void findsTheInstalledConnectorsThroughServiceLoader() {
        ConnectorRegistry registry = ConnectorRegistry.loadInstalled();

        assertThat(registry.types()).contains("h2");
        assertThat(registry.provider("h2").displayName()).isEqualTo("H2 Database");
        assertThat(registry.provider("h2").fields()).extracting(ConfigField::name).contains("path", "user", "password");
        assertThat(registry.provider("h2").fields()).filteredOn(ConfigField::secret)
                .extracting(ConfigField::name).containsExactly("password");
    }

    @Test
    void anUnknownTypeIsAClearErrorListingTheKnownTypes() {
        ConnectorRegistry registry = ConnectorRegistry.loadInstalled();

        assertThatThrownBy(() -> registry.provider("oracle"))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("Unknown connection type 'oracle'")
                .hasMessageContaining("Known types: bigquery, h2, postgresql")
                .satisfies(e -> assertThat(((ConnectorException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    @Test
    void aProviderThatFailsToLoadIsLeftOutAndTheOthersStillWork() {
        ConnectorProvider good = ConnectorRegistry.loadInstalled().provider("h2");
        Iterable<ConnectorProvider> flaky = () -> new Iterator<>() {
            private int step;

            @Override
            public boolean hasNext() {
                return step < 2;
            }

            @Override
            public ConnectorProvider next() {
                if (step++ == 0) {
                    throw new ServiceConfigurationError("broken.Provider could not be instantiated");
                }
                if (step > 2) {
                    throw new NoSuchElementException();
                }
                return good;
            }
        };

        ConnectorRegistry registry = new ConnectorRegistry(flaky);

        assertThat(registry.types()).isEqualTo(List.of("h2"));
    }

    @Test
    void parametersNeverPrintSecrets() {
        ConnectionParameters p = new ConnectionParameters(java.util.Map.of("user", "ada"),
                java.util.Map.of("password", "hunter2"), false);

        assertThat(p.toString()).contains("ada").doesNotContain("hunter2").contains("password=****");
        assertThat(p.secret("password")).contains("hunter2");
    }
}

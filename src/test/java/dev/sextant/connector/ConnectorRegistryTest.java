package dev.sextant.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.ServiceConfigurationError;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    void looksItsProvidersUpOnFirstUseOnlyAndOnceWhateverTheThreads() throws Exception {
        ConnectorProvider h2 = ConnectorRegistry.loadInstalled().provider("h2");
        AtomicInteger lookups = new AtomicInteger();
        CountDownLatch slowLookup = new CountDownLatch(1);
        Iterable<ConnectorProvider> counted = () -> {
            lookups.incrementAndGet();
            try {
                slowLookup.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(h2).iterator();
        };

        ConnectorRegistry registry = new ConnectorRegistry(counted);
        assertThat(lookups).hasValue(0);

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(threads.submit(registry::types));
            }
            Thread.sleep(100);
            slowLookup.countDown();
            for (Future<List<String>> answer : answers) {
                assertThat(answer.get(5, TimeUnit.SECONDS)).containsExactly("h2");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(registry.provider("h2")).isSameAs(h2);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void parametersNeverPrintSecrets() {
        ConnectionParameters p = new ConnectionParameters(java.util.Map.of("user", "ada"),
                java.util.Map.of("password", "hunter2"), false);

        assertThat(p.toString()).contains("ada").doesNotContain("hunter2").contains("password=****");
        assertThat(p.secret("password")).contains("hunter2");
    }
}

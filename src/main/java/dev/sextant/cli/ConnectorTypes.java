package dev.sextant.cli;

import dev.sextant.connector.ConnectorRegistry;
import java.util.Iterator;

/** The installed connector types, for {@code --type}'s help and completion. */
final class ConnectorTypes implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return ConnectorRegistry.loadInstalled().types().iterator();
    }
}

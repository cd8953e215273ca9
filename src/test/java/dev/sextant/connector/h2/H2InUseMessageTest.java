package dev.sextant.connector.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.connector.ConnectorException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The message a user gets when another program has an H2 file open. */
class H2InUseMessageTest {

    @Test
    void aFileHeldByAnotherProgramIsSaidPlainlyWithoutH2sServerModeAdvice() {
        SQLException held = new SQLException("Database may be already in use: \"/data/shop.mv.db\". Possible solutions: "
                + "close all other connection(s); use the server mode [90020-252]", "90020", H2Errors.IN_USE);

        ConnectorException e = new H2Errors().translate(held, null);

        assertThat(e.getMessage()).startsWith("The H2 database file /data/shop.mv.db is open in another program")
                .doesNotContain("server mode");
        assertThat(e.getCause()).isSameAs(held);
        assertThat(e.kind().title()).as("not a network problem").isEqualTo("Database in use");
    }
}

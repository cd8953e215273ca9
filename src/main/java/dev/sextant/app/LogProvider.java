package dev.sextant.app;

import ch.qos.logback.classic.spi.LogbackServiceProvider;

/**
 * Logback's SLF4J provider, named to SLF4J by the launcher (system property {@code slf4j.provider}) so that
 * SLF4J takes it at once instead of looking for providers in each of the app's jars. SLF4J makes it right
 * after marking its initialisation as begun, which is what {@link LogConfigurator#startInBackground} waits
 * for: from then on, loggers asked for on other threads queue what they are given until logging is ready.
 */
public final class LogProvider extends LogbackServiceProvider {

    /** Made by SLF4J (reflectively, through the system property) on the thread that initialises it. */
    public LogProvider() {
        LogConfigurator.initialisationBegun();
    }
}

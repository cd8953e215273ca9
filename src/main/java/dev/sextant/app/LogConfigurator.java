package dev.sextant.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up logging in code, found by logback through {@code META-INF/services}: the log file in the data
 * folder's {@code logs/} (system property {@code sextant.logs}, set by the launcher), rolled daily and kept
 * two weeks, and warnings (and Sextant's own information) on the console. Reading the same settings from a
 * logback.xml loaded about 550 classes of logback's XML configurator and took a third of the time to the
 * main window (docs/benchmarks.md). A logback-test.xml on the class path, or
 * {@code -Dlogback.configurationFile}, still takes precedence. Never log secrets.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    private static final CountDownLatch STARTED = new CountDownLatch(1);
    private static final CountDownLatch WINDOW_SHOWN = new CountDownLatch(1);
    /** How long a setup begun by {@link #startInBackground} waits at most for the main window. */
    private static final long WAIT_FOR_WINDOW_SECONDS = 5;
    /** SLF4J's system property naming its provider, which spares it the search of every jar. */
    static final String PROVIDER_PROPERTY = "slf4j.provider";
    /** SLF4J's system property for how much it says about itself on the console. */
    static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";
    private static volatile boolean waitForWindow;
    private static volatile Thread setupThread;

    /** The console log's threshold, set by the command line before logging starts. */
    public static final String CONSOLE_LEVEL_PROPERTY = "sextant.console.level";

    static final String PATTERN_FILE = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
    static final String PATTERN_CONSOLE = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";

    /**
     * Sets logging up on a thread of its own, once the main window is shown ({@link #windowShown}) or at the
     * latest after {@value #WAIT_FOR_WINDOW_SECONDS} seconds: the setup takes a few hundred milliseconds of
     * processor time (logback's pattern and date-format machinery), which the window's start would otherwise
     * share two cores with. Returns once SLF4J's initialisation has begun; from then on SLF4J hands out
     * loggers that queue what they are given and write it, in order, when logging is ready. (Returning
     * earlier would race: a logger asked for before SLF4J's initialisation begins makes the caller do that
     * initialisation itself.) SLF4J's own notice of that replay is silenced. Unless another provider is
     * named, SLF4J is told to take {@link LogProvider}, which says at once that the initialisation has begun:
     * otherwise the wait would last until SLF4J and logback had looked in each of the app's jars for a
     * provider and for configurators.
     */
    public static void startInBackground() {
        if (System.getProperty(VERBOSITY_PROPERTY) == null) {
            System.setProperty(VERBOSITY_PROPERTY, "ERROR");
        }
        nameProvider();
        waitForWindow = true;
        Thread setup = new Thread(LoggerFactory::getILoggerFactory, "logging-setup");
        setup.setDaemon(true);
        setupThread = setup;
        setup.start();
        try {
            STARTED.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Tells SLF4J to take {@link LogProvider}, unless a provider is named already: SLF4J then need not look
     * for one in each of the app's jars. SLF4J would say so on the console; only its warnings and errors are
     * let through. Call before anything logs.
     */
    public static void nameProvider() {
        if (System.getProperty(VERBOSITY_PROPERTY) == null) {
            System.setProperty(VERBOSITY_PROPERTY, "WARN");
        }
        if (System.getProperty(PROVIDER_PROPERTY) == null) {
            System.setProperty(PROVIDER_PROPERTY, LogProvider.class.getName());
        }
    }

    /** Called when SLF4J's initialisation has begun, before logback looks for its configuration. */
    static void initialisationBegun() {
        STARTED.countDown();
    }

    /** Lets a setup begun by {@link #startInBackground} go on: the main window is shown (or never will be). */
    public static void windowShown() {
        WINDOW_SHOWN.countDown();
    }

    /**
     * Lets a setup begun by {@link #startInBackground} go on if it still waits, and waits (a few seconds at
     * most) until it is done and has written what was logged meanwhile: the app calls this before it ends,
     * so that nothing logged during a start that never showed the window is lost with the JVM.
     */
    public static void finishSetup() {
        windowShown();
        Thread setup = setupThread;
        if (setup != null) {
            try {
                setup.join(TimeUnit.SECONDS.toMillis(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        STARTED.countDown();
        // only the setup thread waits: were any other thread to begin SLF4J's initialisation, it would not
        // be kept from its own work (the window's, say) by waiting for the window
        if (waitForWindow && Thread.currentThread() == setupThread) {
            try {
                WINDOW_SHOWN.await(WAIT_FOR_WINDOW_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (System.getProperty("logback.configurationFile") != null
                || LogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Path dir = Path.of(System.getProperty("sextant.logs", Path.of(System.getProperty("java.io.tmpdir"), "sextant-logs").toString()));

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        console.setEncoder(encoder(context, PATTERN_CONSOLE));
        // Commands choose how much reaches the console before anything logs (see Cli.prepareLogging): nothing
        // for a command, warnings for the MCP server, INFO with --verbose; the window logs from INFO on.
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setLevel(System.getProperty(CONSOLE_LEVEL_PROPERTY, "INFO"));
        threshold.start();
        console.addFilter(threshold);
        console.start();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        boolean toFile = canWrite(dir);
        if (toFile) {
            root.addAppender(fileAppender(context, dir));
        }
        root.addAppender(console);
        context.getLogger("dev.sextant").setLevel(Level.INFO);
        if (!toFile) {
            context.getLogger(LogConfigurator.class).warn("Sextant cannot write its log file in {}; it logs to the console only.", dir);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Whether the log folder can be made and written. When it cannot (a data folder that cannot be made,
     * say), logging goes to the console only: a file appender that fails to open has logback print its
     * whole set-up report on stdout, which is the command line's output.
     */
    private static boolean canWrite(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            return false;
        }
        Path log = dir.resolve("sextant.log");
        return Files.isDirectory(dir) && Files.isWritable(dir) && (!Files.exists(log) || Files.isRegularFile(log) && Files.isWritable(log));
    }

    /** The log file in {@code dir}, rolled daily and kept two weeks. */
    private static RollingFileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path dir) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir.resolve("sextant.log").toString());
        TimeBasedRollingPolicy<ILoggingEvent> rolling = new TimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir.resolve("sextant.%d{yyyy-MM-dd}.log").toString());
        rolling.setMaxHistory(14);
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(encoder(context, PATTERN_FILE));
        file.start();
        return file;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}

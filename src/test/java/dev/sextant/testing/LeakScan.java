package dev.sextant.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * What the secret-leak tests share: a log file that captures everything at DEBUG while a test runs, and
 * a search for secret text in files (as UTF-8 and UTF-16, the ways Java and H2 write strings).
 */
public final class LeakScan {

    private LeakScan() {
    }

    /** Sends every log line, at DEBUG for everything, to {@code file} until {@link #detach}. */
    public static FileAppender<ILoggingEvent> attachFileLog(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d %-5level [%thread] %logger - %msg%n%ex");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        context.getLogger("dev.sextant").setLevel(Level.DEBUG);
        return appender;
    }

    public static void detach(FileAppender<ILoggingEvent> appender) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        root.setLevel(Level.WARN);
        context.getLogger("dev.sextant").setLevel(Level.INFO);
        appender.stop();
    }

    /** Whether {@code content} holds {@code secret} in UTF-8 or UTF-16 (either byte order). */
    public static boolean contains(byte[] content, String secret) {
        for (byte[] needle : List.of(secret.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_16BE),
                secret.getBytes(StandardCharsets.UTF_16LE))) {
            outer:
            for (int i = 0; i + needle.length <= content.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (content[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** Every file under {@code root}, except those under {@code skipped} (e.g. the sample database). */
    public static List<Path> filesUnder(Path root, Path skipped) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> skipped == null || !p.startsWith(skipped)).toList();
        }
    }
}

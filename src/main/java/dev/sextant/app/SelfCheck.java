package dev.sextant.app;

import dev.sextant.connector.ConnectorProvider;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.secret.JavaKeyringKeychain;
import dev.sextant.secret.KeychainUnavailableException;
import dev.sextant.store.LocalStore;
import dev.sextant.ui.ToolkitCheck;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.KeyAgreement;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packaged app's {@code --self-check}: runs a little of everything Sextant loads (each registered
 * connector's driver, the local store, the keychain access and the JavaFX toolkit) to prove that the
 * trimmed Java runtime it ships holds every module they need. The runtime's module list is kept by hand,
 * so this is what tells a build that it is short of one. It needs no network and leaves the user's data
 * folder alone: everything it writes goes to a temporary folder that it deletes.
 */
public final class SelfCheck {

    /** How a check ended. A warning is something of this system, not of the runtime (no display, no keychain). */
    public enum Outcome { PASSED, WARNING, FAILED }

    /** One line of the report. */
    public record Finding(String subject, Outcome outcome, String detail) {
    }

    private static final String PROVIDERS = "META-INF/services/" + ConnectorProvider.class.getName();
    private static final long CHECK_SECONDS = 60;
    private static final Pattern JDK_PACKAGES = Pattern.compile("(java|javax|jdk|sun|com\\.sun|org\\.ietf|org\\.w3c|org\\.xml)\\.");

    private final Map<String, String> env;
    private final Path scratch;

    /**
     * @param env     the environment (for the display variables)
     * @param scratch an empty temporary folder, deleted by {@link #run()} when it is done
     */
    /** A new temporary folder the checks may write to; the log goes there too, not to the data folder. */
    public static Path scratchFolder() {
        try {
            return Files.createTempDirectory("sextant-self-check-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Not a static field: loading this class must not set logging up before Main has chosen its console level. */
    private static Logger log() {
        return LoggerFactory.getLogger(SelfCheck.class);
    }

    public SelfCheck(Map<String, String> env, Path scratch) {
        this.env = env;
        this.scratch = scratch;
    }

    /** Runs every check, each with a time limit, and returns the findings in order. */
    public List<Finding> run() {
        List<Finding> findings = new ArrayList<>();
        try {
            findings.add(check("Java runtime", this::runtime));
            findings.add(check("Class-data sharing", SelfCheck::classSharing));
            findings.addAll(connectors());
            findings.add(check("Local store", this::store));
            findings.add(keychain());
            findings.add(javaFx());
        } finally {
            deleteScratch();
        }
        return findings;
    }

    private String runtime() throws Exception {
        // TLS as the drivers use it (PostgreSQL with sslmode, BigQuery over HTTPS): elliptic curves come
        // from the jdk.crypto.ec module, which a trimmed runtime can easily lack.
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        tls.init(null, null, null);
        SSLEngine engine = tls.createSSLEngine();
        KeyPairGenerator.getInstance("EC").generateKeyPair();
        KeyAgreement.getInstance("X25519");
        long ecSuites = Stream.of(engine.getEnabledCipherSuites()).filter(s -> s.contains("ECDHE")).count();
        if (ecSuites == 0) {
            throw new IllegalStateException("TLS has no ECDHE cipher suites: the runtime lacks the jdk.crypto.ec module.");
        }
        return "Java " + Runtime.version() + ", " + ModuleLayer.boot().modules().size() + " modules, TLS 1.3 with "
                + ecSuites + " ECDHE cipher suites";
    }

    /**
     * Whether this JVM maps classes from a class-data-sharing archive, as the packaged app's launcher asks.
     * A JVM that cannot use the archive it is given (one made for other jars, or a jar changed since)
     * starts without any and says nothing, so the self-check does.
     */
    private static String classSharing() throws NotOnThisSystem {
        String archive = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:SharedArchiveFile="))
                .map(a -> a.substring("-XX:SharedArchiveFile=".length()))
                .reduce((a, b) -> b)
                .orElse(null);
        String source = archive == null ? "the runtime's default archive" : archive;
        if (!System.getProperty("java.vm.info", "").contains("sharing")) {
            throw new NotOnThisSystem("off: the JVM could not use " + source + ", so Sextant starts more slowly. "
                    + (archive == null ? "The runtime has none, or sharing was turned off (-Xshare:off)."
                            : "It no longer fits the installed files; reinstalling the package makes it again."));
        }
        return "on, from " + source;
    }

    /**
     * Every provider named in a {@code META-INF/services} file, checked one by one. A provider that the
     * registry left out (because a class it needs is missing) is a failure here, not a quiet omission.
     */
    private List<Finding> connectors() {
        List<Finding> findings = new ArrayList<>();
        ConnectorRegistry registry = ConnectorRegistry.loadInstalled();
        Set<String> loaded = new LinkedHashSet<>();
        for (ConnectorProvider provider : registry.providers()) {
            loaded.add(provider.getClass().getName());
            Path folder = scratch.resolve("connector-" + provider.type());
            findings.add(check("Connector " + provider.displayName() + " (" + provider.type() + ")", () -> {
                Files.createDirectories(folder);
                return provider.selfCheck(folder);
            }));
        }
        for (String declared : declaredProviders()) {
            if (!loaded.contains(declared)) {
                findings.add(check("Connector " + declared, () -> {
                    Class.forName(declared).getConstructor().newInstance();
                    throw new IllegalStateException("It is declared but the registry did not load it; see the log.");
                }));
            }
        }
        if (findings.isEmpty()) {
            findings.add(new Finding("Connectors", Outcome.FAILED, "No connector is installed."));
        }
        return findings;
    }

    private static Set<String> declaredProviders() {
        Set<String> names = new LinkedHashSet<>();
        try {
            Enumeration<URL> files = SelfCheck.class.getClassLoader().getResources(PROVIDERS);
            while (files.hasMoreElements()) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(files.nextElement().openStream(),
                        StandardCharsets.UTF_8))) {
                    in.lines().map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty()).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private String store() throws IOException {
        Path dir = Files.createDirectories(scratch.resolve("store"));
        try (LocalStore store = LocalStore.open(dir)) {
            return "created and migrated a store (schema version " + store.schemaVersion() + ")";
        }
    }

    /**
     * Reads an entry that does not exist, which loads the keychain library and reaches the system's
     * keychain without writing to it. A keychain this system does not offer is a warning; a class missing
     * from the runtime is a failure.
     */
    private Finding keychain() {
        return check("Keychain access", () -> {
            try {
                new JavaKeyringKeychain().get("sextant-self-check");
                return "the system keychain answered";
            } catch (KeychainUnavailableException e) {
                if (missingClassIn(e) != null) {
                    throw e;
                }
                throw new NotOnThisSystem(e.getMessage() + " (The keychain classes loaded; Sextant offers"
                        + " session-only and environment-variable passwords instead.)");
            }
        });
    }

    private Finding javaFx() {
        boolean noDisplay = DisplayCheck.missing(System.getProperty("os.name", ""), env);
        return check("JavaFX toolkit", () -> {
            if (noDisplay) {
                // Loaded without initialising: Control's initialiser needs a started toolkit.
                Class.forName("javafx.scene.control.Control", false, SelfCheck.class.getClassLoader());
                throw new NotOnThisSystem("not started: there is no display (DISPLAY and WAYLAND_DISPLAY are unset)."
                        + " The JavaFX modules are present; run the self-check in a desktop session to check the rest.");
            }
            return ToolkitCheck.run(CHECK_SECONDS / 2);
        });
    }

    /** Something this system does not offer, which the runtime cannot fix: reported as a warning. */
    private static final class NotOnThisSystem extends Exception {
        NotOnThisSystem(String message) {
            super(message);
        }
    }

    /** Runs one check on its own thread with a time limit and turns any outcome into a finding. */
    private static Finding check(String subject, Callable<String> work) {
        FutureTask<String> task = new FutureTask<>(work);
        Thread thread = new Thread(task, "self-check");
        thread.setDaemon(true);
        thread.start();
        try {
            String detail = task.get(CHECK_SECONDS, TimeUnit.SECONDS);
            log().debug("Self-check of {} passed: {}", subject, detail);
            return new Finding(subject, Outcome.PASSED, detail);
        } catch (TimeoutException e) {
            task.cancel(true);
            return new Finding(subject, Outcome.FAILED, "did not finish within " + CHECK_SECONDS + " s.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Finding(subject, Outcome.FAILED, "interrupted.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NotOnThisSystem warning) {
                return new Finding(subject, Outcome.WARNING, warning.getMessage());
            }
            log().warn("Self-check of {} failed", subject, e.getCause());
            return new Finding(subject, Outcome.FAILED, describe(e.getCause()));
        }
    }

    /** The failure in one line; a class the runtime lacks is named first, since that is what a build must fix. */
    static String describe(Throwable failure) {
        String missing = missingClassIn(failure);
        String message = (failure.getClass().getSimpleName() + ": " + (failure.getMessage() == null ? "" : failure.getMessage())).strip();
        if (missing == null) {
            return message;
        }
        String where = JDK_PACKAGES.matcher(missing).lookingAt()
                ? "The runtime image lacks the JDK module that holds it: add that module to packaging/jlink.args."
                : "A library is missing from the app's class path.";
        return "missing class " + missing + " (" + message + "). " + where;
    }

    /** The class named by a NoClassDefFoundError or ClassNotFoundException along the cause chain, or null. */
    private static String missingClassIn(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if ((t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException) && t.getMessage() != null) {
                return t.getMessage().replace('/', '.');
            }
        }
        return null;
    }

    private void deleteScratch() {
        try (Stream<Path> walk = Files.walk(scratch)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log().debug("Could not delete the self-check's temporary folder {}", scratch, e);
        }
    }
}

package dev.sextant.connector.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Finds the credentials a connection asks for: Application Default Credentials, a service-account key
 * (kept in the secret store, or a file), and impersonation of another service account on top of either.
 * It says which credential it found and of what type, for the connection test, and turns a bad key into
 * a message that names the problem. No message ever holds key material or a token.
 */
final class BigQueryCredentials {

    static final String ENV_CREDENTIALS = "GOOGLE_APPLICATION_CREDENTIALS";
    static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/bigquery",
            "https://www.googleapis.com/auth/cloud-platform");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Credentials and a description of them that holds nothing secret.
     *
     * @param description e.g. "service account reader@p.iam.gserviceaccount.com (key in the secret store)"
     * @param type        user, service account or impersonated service account
     */
    record Found(GoogleCredentials credentials, String description, String type) {
    }

    private BigQueryCredentials() {
    }

    static Found find(BigQuerySettings settings, ConnectionParameters parameters, BigQueryRuntime runtime) {
        Found found = findUnscoped(settings, parameters, runtime);
        GoogleCredentials c = found.credentials();
        return c.createScopedRequired() ? new Found(c.createScoped(SCOPES), found.description(), found.type()) : found;
    }

    private static Found findUnscoped(BigQuerySettings settings, ConnectionParameters parameters, BigQueryRuntime runtime) {
        Found base = switch (settings.authentication()) {
            case BigQueryConnectorProvider.AUTH_KEY -> fromKey(parameters.secret(BigQueryConnectorProvider.KEY_JSON)
                    .orElseThrow(() -> new ConnectorException(ErrorKind.AUTHENTICATION, "The connection uses a service-account key, "
                            + "but none is stored with it. Paste the key file's content into 'Service-account key (JSON)'.")),
                    "key in the secret store");
            case BigQueryConnectorProvider.AUTH_KEY_FILE -> fromKeyFile(settings.keyFile());
            default -> applicationDefault(runtime);
        };
        if (settings.impersonate().isEmpty()) {
            return base;
        }
        // the source needs only the right to call IAM; the impersonated token gets the BigQuery scopes
        ImpersonatedCredentials impersonated = ImpersonatedCredentials.newBuilder()
                .setSourceCredentials(base.credentials())
                .setTargetPrincipal(settings.impersonate())
                .setDelegates(List.of())
                .setScopes(SCOPES)
                .setLifetime(3600)
                .setIamEndpointOverride(runtime.iamEndpoint() == null ? null
                        : runtime.iamEndpoint().replace("{account}", settings.impersonate()))
                .build();
        return new Found(impersonated, "service account " + settings.impersonate() + ", impersonated by "
                + base.description(), "impersonated service account");
    }

    /** A service-account key given as the key file's JSON text. */
    static Found fromKey(String json, String where) {
        JsonNode key = parse(json, "The service-account key");
        String type = key.path("type").asText("");
        if (!type.equals("service_account")) {
            throw new ConnectorException(ErrorKind.AUTHENTICATION, "The service-account key " + wrongType(type));
        }
        for (String field : List.of("client_email", "private_key")) {
            if (key.path(field).asText("").isBlank()) {
                throw new ConnectorException(ErrorKind.AUTHENTICATION, "The service-account key has no '" + field
                        + "'. Download a new JSON key (IAM > Service accounts > Keys) and use the whole file.");
            }
        }
        try {
            ServiceAccountCredentials credentials = ServiceAccountCredentials.fromStream(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
            return new Found(credentials, "service account " + credentials.getClientEmail() + " (" + where + ")",
                    "service account");
        } catch (IOException | RuntimeException e) {
            // the library's message may quote the key; only its type is kept
            throw new ConnectorException(ErrorKind.AUTHENTICATION, "The service-account key could not be read ("
                    + e.getClass().getSimpleName() + "): its private key is damaged. Download a new JSON key.");
        }
    }

    static Found fromKeyFile(String file) {
        if (file.isEmpty()) {
            throw new ConnectorException(ErrorKind.AUTHENTICATION, "The connection uses a service-account key file, but "
                    + "'Service-account key file' is empty.");
        }
        return fromKey(read(Path.of(file), "The key file " + file), "key file " + file);
    }

    /**
     * Application Default Credentials, looked up where gcloud and the client libraries look: the file named by
     * GOOGLE_APPLICATION_CREDENTIALS, then gcloud's application_default_credentials.json, then the metadata
     * server of a Google Cloud machine.
     */
    static Found applicationDefault(BigQueryRuntime runtime) {
        String named = runtime.env(ENV_CREDENTIALS);
        if (named != null) {
            return fromAdcFile(Path.of(named), ENV_CREDENTIALS + " (" + named + ")");
        }
        Path wellKnown = wellKnownFile(runtime);
        if (Files.isRegularFile(wellKnown)) {
            return fromAdcFile(wellKnown, "gcloud's application default credentials (" + wellKnown + ")");
        }
        if (!"true".equalsIgnoreCase(runtime.env("NO_GCE_CHECK"))) {
            try {
                GoogleCredentials metadata = GoogleCredentials.getApplicationDefault();
                return new Found(metadata, "the environment's default credentials (" + metadata.getClass().getSimpleName() + ")",
                        "service account");
            } catch (IOException e) {
                // none found: the message below says what to do
            }
        }
        throw new ConnectorException(ErrorKind.AUTHENTICATION, "No Application Default Credentials were found. Run "
                + "'gcloud auth application-default login', set GOOGLE_APPLICATION_CREDENTIALS to a key file, or choose a "
                + "service-account key for this connection.");
    }

    /** gcloud's file: under CLOUDSDK_CONFIG, %APPDATA%\gcloud on Windows, ~/.config/gcloud elsewhere. */
    static Path wellKnownFile(BigQueryRuntime runtime) {
        String config = runtime.env("CLOUDSDK_CONFIG");
        Path dir;
        if (config != null) {
            dir = Path.of(config);
        } else if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") && runtime.env("APPDATA") != null) {
            dir = Path.of(runtime.env("APPDATA"), "gcloud");
        } else {
            dir = runtime.userHome().resolve(".config").resolve("gcloud");
        }
        return dir.resolve("application_default_credentials.json");
    }

    private static Found fromAdcFile(Path file, String where) {
        String json = read(file, "The credentials file " + file);
        JsonNode node = parse(json, "The credentials file " + file);
        String type = node.path("type").asText("");
        if (type.equals("service_account")) {
            return fromKey(json, where);
        }
        try {
            GoogleCredentials credentials = GoogleCredentials.fromStream(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
            return switch (type) {
                case "authorized_user" -> new Found(credentials, "user account from " + where, "user");
                case "impersonated_service_account" -> new Found(credentials, "impersonated service account from " + where,
                        "impersonated service account");
                default -> new Found(credentials, type.replace('_', ' ') + " from " + where, type.replace('_', ' '));
            };
        } catch (IOException | RuntimeException e) {
            throw new ConnectorException(ErrorKind.AUTHENTICATION, "The credentials file " + file + " could not be used ("
                    + e.getClass().getSimpleName() + "). Run 'gcloud auth application-default login' again.");
        }
    }

    private static String read(Path file, String subject) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConnectorException(ErrorKind.AUTHENTICATION, subject + " does not exist.");
        } catch (IOException e) {
            throw new ConnectorException(ErrorKind.AUTHENTICATION, subject + " could not be read: " + e.getClass().getSimpleName() + ".");
        }
    }

    private static JsonNode parse(String json, String subject) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IOException("not an object");
            }
            return node;
        } catch (IOException e) {
            // Jackson's message quotes the text around the error, which may be key material: leave it out
            throw new ConnectorException(ErrorKind.AUTHENTICATION, subject + " is not a JSON key file. Use the whole "
                    + "file that the Google Cloud console downloaded (it starts with '{' and has \"type\": \"service_account\").");
        }
    }

    private static String wrongType(String type) {
        return switch (type) {
            case "" -> "has no \"type\"; it is not a Google credentials file.";
            case "authorized_user" -> "is a user login (type authorized_user, from 'gcloud auth application-default login'), "
                    + "not a service-account key: choose application-default authentication instead.";
            case "external_account" -> "is a workload identity federation configuration (type external_account), not a "
                    + "service-account key: set GOOGLE_APPLICATION_CREDENTIALS to it and choose application-default authentication.";
            case "impersonated_service_account" -> "is an impersonation configuration (type impersonated_service_account), "
                    + "not a service-account key: choose application-default authentication, or a key and 'Impersonate service account'.";
            default -> type.matches("[a-z_]{1,40}") ? "has type '" + type + "', but a service-account key has type service_account."
                    : "has an unknown type; a service-account key has type service_account.";
        };
    }
}

package dev.sextant.connector.postgres;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Tells TLS failures of pgjdbc apart and says what to check for each: an untrusted certificate, a
 * certificate that does not name the host, an unreadable certificate file, or a handshake that failed
 * for another reason. pgjdbc reports some of these only in its message, with no typed cause.
 */
final class PgTlsProblems {

    private PgTlsProblems() {
    }

    /** Whether the failure happened while setting up TLS, rather than in logging in or on the network. */
    static boolean isTls(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof GeneralSecurityException) {
                return true;
            }
            String message = lower(t);
            if (message.contains("hostnameverifier") || message.contains("ssl root certificate")
                    || message.contains("ssl certificate") || message.contains("sslfactory")
                    || message.contains("ssl key") || message.contains("server does not support ssl")) {
                return true;
            }
        }
        return false;
    }

    /**
     * What went wrong in the handshake and what to check, for a person.
     *
     * @param rootCert the configured root certificate file, or null when pgjdbc used its default
     */
    static String describe(SQLException e, String host, String sslMode, String rootCert) {
        String roots = rootCert == null ? "the default root certificate file (~/.postgresql/root.crt)"
                : "the root certificate " + rootCert;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = lower(t);
            if (message.contains("hostnameverifier") || message.contains("hostname")) {
                return "The server's certificate does not name the host '" + host + "'. SSL mode verify-full needs the "
                        + "host to match a name in the certificate: connect by that name, or use verify-ca.";
            }
            if (message.contains("server does not support ssl")) {
                return "The server does not offer TLS, but the SSL mode is " + sslMode + ". Turn on ssl on the server, "
                        + "or choose SSL mode prefer.";
            }
            if (message.contains("ssl root certificate file") || message.contains("could not read ssl root")) {
                return "Could not read " + roots + ". Check the Root certificate field: the file must exist and be a "
                        + "PEM certificate.";
            }
            if (message.contains("ssl key") || message.contains("client certificate") || message.contains("ssl certificate file")) {
                return "Could not use the client certificate or key: " + t.getMessage() + ". Check the Client "
                        + "certificate and Client key fields.";
            }
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
                    || (t instanceof CertificateException && message.contains("path"))
                    || message.contains("pkix path")) {
                return "The server's certificate is not trusted by " + roots + " (SSL mode " + sslMode + "). Check that "
                        + "the Root certificate field names the authority that signed the server's certificate.";
            }
        }
        return "The TLS (SSL) handshake failed: " + e.getMessage() + ". Check the SSL mode and certificates.";
    }

    private static String lower(Throwable t) {
        return t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
    }
}

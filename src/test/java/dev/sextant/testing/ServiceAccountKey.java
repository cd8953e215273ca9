package dev.sextant.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A throwaway service-account key made for one test run: a fresh RSA key pair, written as the JSON key
 * file Google Cloud hands out, with its token_uri pointing at the stand-in, which trusts the public half.
 * So the real OAuth flow (a signed JWT exchanged for an access token) runs locally.
 */
public final class ServiceAccountKey {

    private final String email;
    private final String json;
    private final String privateKeyBase64;

    private ServiceAccountKey(String email, String json, String privateKeyBase64) {
        this.email = email;
        this.json = json;
        this.privateKeyBase64 = privateKeyBase64;
    }

    public static ServiceAccountKey create(BigQueryStandIn standIn, String name) {
        return create(standIn, name, true);
    }

    /** A key the stand-in has never heard of: its token requests are refused, as for a deleted key. */
    public static ServiceAccountKey unknown(BigQueryStandIn standIn, String name) {
        return create(standIn, name, false);
    }

    private static ServiceAccountKey create(BigQueryStandIn standIn, String name, boolean trusted) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String email = name + "@" + BigQueryStandIn.PROJECT + ".iam.gserviceaccount.com";
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("type", "service_account");
            key.put("project_id", BigQueryStandIn.PROJECT);
            key.put("private_key_id", Long.toHexString(System.nanoTime()));
            key.put("private_key", pem);
            key.put("client_email", email);
            key.put("client_id", "1000" + Math.abs(name.hashCode()));
            key.put("auth_uri", standIn.url() + "/auth");
            key.put("token_uri", standIn.tokenUri());
            if (trusted) {
                standIn.trustServiceAccount(email, pair.getPublic());
            }
            return new ServiceAccountKey(email, new ObjectMapper().writeValueAsString(key),
                    Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String email() {
        return email;
    }

    /** The key file's whole content. */
    public String json() {
        return json;
    }

    /**
     * One whole line of the private key's PEM text (as it stands in the key file), to look for in files and
     * messages that must not hold it.
     */
    public String privateKeyFragment() {
        return privateKeyBase64.substring(128, 192);
    }
}

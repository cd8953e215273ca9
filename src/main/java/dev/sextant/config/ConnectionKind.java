package dev.sextant.config;

/** How careful Sextant is with a connection: production ones stand out and ask before changing data. */
public enum ConnectionKind {
    DEVELOPMENT("Development"), TEST("Test"), PRODUCTION("Production");

    private final String label;

    ConnectionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

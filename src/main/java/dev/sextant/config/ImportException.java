package dev.sextant.config;

/** An import file was refused; the message names the problem and the entry. Nothing was imported. */
public class ImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.sextant.query;

/** Receives progress of long work: a fraction from 0 to 1 (or -1 when unknown) and a short message. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (fraction, message) -> { };

    void progress(double fraction, String message);
}

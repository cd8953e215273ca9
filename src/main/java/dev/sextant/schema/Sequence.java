package dev.sextant.schema;

/** A sequence (number generator). */
public record Sequence(String name, String dataType, long start, long increment, String comment) {
    public Sequence {
        comment = comment == null ? "" : comment;
    }
}

package dev.sextant.schema;

/**
 * A function or procedure.
 *
 * @param signature  argument list as the database spells it, e.g. {@code (a integer, b text)}
 * @param returnType the return type, or empty for procedures
 */
public record Routine(String name, boolean procedure, String signature, String returnType, String comment,
                      String definition) {
    public Routine {
        signature = signature == null ? "" : signature;
        returnType = returnType == null ? "" : returnType;
        comment = comment == null ? "" : comment;
        definition = definition == null ? "" : definition;
    }
}

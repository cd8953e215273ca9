package dev.sextant.config;

/**
 * One thing wrong with a config, named by the field the user sees.
 *
 * @param field   the parameter's key (e.g. {@code port}), or {@code name}, {@code type}, {@code folder}
 * @param message a sentence that names the field by its label, e.g. "'Port' must be a whole number."
 */
public record FieldProblem(String field, String message) {
}

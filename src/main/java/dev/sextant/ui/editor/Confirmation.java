package dev.sextant.ui.editor;

/**
 * A run that waits for the user's yes, such as statements that change data on a production connection.
 *
 * @param message what will happen, e.g. "DELETE changes data on the production connection 'Warehouse'."
 */
public record Confirmation(String message, Runnable onConfirm) {
}

package dev.sextant.query;

/**
 * An editor tab as it is kept between starts.
 *
 * @param configId the connection it runs on
 * @param file     the .sql file it was opened from or saved to, or null
 * @param modified whether its text differs from the file's
 */
public record SavedTab(String configId, String title, String sql, String file, boolean modified) {
}

package dev.sextant.sql;

import java.util.List;

/**
 * The suggestions for one caret position.
 *
 * @param replaceFrom where the word being typed starts; the chosen suggestion replaces the text from
 *                    there to the caret
 */
public record Completions(int replaceFrom, String prefix, List<Completion> items) {
}

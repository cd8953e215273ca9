package dev.sextant.ui.editor;

import dev.sextant.sql.ParameterValue;
import java.util.List;
import java.util.function.Consumer;

/**
 * The parameters a run needs before it can start, with the values remembered from the last run; the
 * parameter form shows it and hands back what the user entered.
 */
public record ParameterRequest(List<ParameterValue> parameters, Consumer<List<ParameterValue>> onSubmit) {
}

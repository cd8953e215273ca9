package dev.sextant.config;

import java.util.List;
import java.util.stream.Collectors;

/** A config was not saved because of the listed problems; nothing was written. */
public class InvalidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public InvalidConfigException(String subject, List<FieldProblem> problems) {
        super(subject + ": " + problems.stream().map(FieldProblem::message).collect(Collectors.joining(" ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}

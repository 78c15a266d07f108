package dev.pythonapp.operator.build;

import java.util.List;

/** A failure-hints document that cannot be used, with every problem found, each naming its entry. */
public class InvalidFailureHintsException extends RuntimeException {
    private final List<String> problems;

    public InvalidFailureHintsException(String origin, List<String> problems) {
        super("invalid build failure hints in " + origin + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

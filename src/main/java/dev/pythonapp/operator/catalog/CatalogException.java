package dev.pythonapp.operator.catalog;

import java.util.List;

/** A catalog document that cannot be used, with every problem found. */
public class CatalogException extends RuntimeException {
    private final List<String> problems;

    public CatalogException(List<String> problems) {
        super("invalid builder catalog: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

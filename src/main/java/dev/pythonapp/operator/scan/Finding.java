package dev.pythonapp.operator.scan;

import java.util.Optional;

/** One finding of {@code scan}: where, which rule, what and how to fix it, and the image details if any. */
public record Finding(
        String file, Position position, Rule rule, String message, String fix, Optional<ImageAssessment> image) {

    public Severity severity() {
        return rule.severity;
    }
}

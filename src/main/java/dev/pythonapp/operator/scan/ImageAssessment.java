package dev.pythonapp.operator.scan;

import dev.pythonapp.operator.eol.LifecycleState;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the catalog says about one Python image reference as written in a file.
 *
 * @param written     the text as found (a reference, an ImageStreamTag name, a pythonVersion value)
 * @param image       the catalog name ({@code ubi8/python-38}) or community image ({@code python:3.8-slim})
 * @param basis       which date counts and why, e.g. {@code vendor} or {@code upstream (CPython)}
 * @param successor   the successor's name, when the image is end of life or soon will be
 * @param replacement the text {@code upgrade} writes instead of {@code written}: only for an end-of-life image whose
 *                    successor can be written in the same form
 * @param manual      why an end-of-life reference with a successor cannot be rewritten in place, if it cannot
 */
public record ImageAssessment(
        String written,
        String image,
        String python,
        LifecycleState state,
        LocalDate eolDate,
        String basis,
        Optional<String> successor,
        Optional<String> replacement,
        Optional<String> manual) {

    public Rule rule() {
        return switch (state) {
            case END_OF_LIFE -> Rule.EOL_IMAGE;
            case END_OF_LIFE_SOON -> Rule.EOL_SOON_IMAGE;
            default -> Rule.PYTHON_IMAGE;
        };
    }

    public ImageAssessment withReplacement(Optional<String> newReplacement, Optional<String> newManual) {
        return new ImageAssessment(written, image, python, state, eolDate, basis, successor, newReplacement, newManual);
    }

    /** One line for tables and messages. */
    public String message() {
        String what = image + " (Python " + python + ")";
        String when = switch (state) {
            case END_OF_LIFE -> " reached end of life on " + eolDate;
            case END_OF_LIFE_SOON -> " reaches end of life on " + eolDate;
            default -> " is supported until " + eolDate;
        };
        return what + when + " [" + basis + "]"
                + successor
                        .map(s -> "; successor " + s)
                        .orElse(
                                state == LifecycleState.SUPPORTED
                                        ? ""
                                        : "; no " + "supported successor in the catalog");
    }
}

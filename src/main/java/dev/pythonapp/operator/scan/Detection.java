package dev.pythonapp.operator.scan;

import java.util.List;
import java.util.Optional;

/**
 * A finding at a character offset of a file, before it is placed on a line and column, with the edits
 * {@code upgrade} would make for it.
 */
public record Detection(
        Rule rule, int offset, String message, String fix, Optional<ImageAssessment> image, List<Edit> edits) {

    public Detection {
        edits = List.copyOf(edits);
    }

    public static Detection of(ImageAssessment image, int offset, List<Edit> edits) {
        String fix = image.replacement()
                .map(r -> "upgrade writes " + r)
                .or(() -> image.manual())
                .orElse(image.rule().fix);
        return new Detection(image.rule(), offset, image.message(), fix, Optional.of(image), edits);
    }
}

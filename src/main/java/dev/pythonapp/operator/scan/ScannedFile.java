package dev.pythonapp.operator.scan;

import java.nio.file.Path;
import java.util.List;

/** One file after scanning: its text, the findings placed on lines, and the edits {@code upgrade} would make. */
public record ScannedFile(Path path, String displayPath, String text, List<Finding> findings, List<Edit> edits) {

    public boolean parsed() {
        return findings.stream().noneMatch(f -> f.rule() == Rule.PARSE_ERROR);
    }

    /** The text with every edit applied (edits never overlap and never span a line break). */
    public String upgraded() {
        return Edit.apply(text, edits);
    }
}

package dev.pythonapp.operator.scan;

import java.util.Comparator;
import java.util.List;

/** Replace the characters {@code [start, end)} of a file with {@code text}. */
public record Edit(int start, int end, String text) {

    /** {@code text} with every edit applied; the edits must not overlap. Every other character stays as it was. */
    public static String apply(String text, List<Edit> edits) {
        StringBuilder out = new StringBuilder(text);
        edits.stream()
                .sorted(Comparator.comparingInt(Edit::start).reversed())
                .forEach(e -> out.replace(e.start(), e.end(), e.text()));
        return out.toString();
    }
}

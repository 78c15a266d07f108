package dev.pythonapp.operator.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of a file before and after {@code upgrade}. Upgrade edits never add or remove a line break, so line
 * i of the old text is line i of the new one and the diff compares them pairwise (no alignment search needed).
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    public static String diff(String path, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("upgrade changed the number of lines of " + path);
        }
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                changed.add(i);
            }
        }
        if (changed.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- a/" + path + "\n+++ b/" + path + "\n");
        int k = 0;
        while (k < changed.size()) {
            int start = Math.max(0, changed.get(k) - CONTEXT);
            int end = Math.min(a.size(), changed.get(k) + CONTEXT + 1);
            int last = k;
            while (last + 1 < changed.size() && changed.get(last + 1) - CONTEXT <= end) {
                last++;
                end = Math.min(a.size(), changed.get(last) + CONTEXT + 1);
            }
            int count = end - start;
            out.append("@@ -")
                    .append(start + 1)
                    .append(',')
                    .append(count)
                    .append(" +")
                    .append(start + 1)
                    .append(',')
                    .append(count)
                    .append(" @@\n");
            for (int i = start; i < end; i++) {
                if (a.get(i).equals(b.get(i))) {
                    out.append(' ').append(a.get(i)).append('\n');
                } else {
                    out.append('-').append(a.get(i)).append('\n');
                    out.append('+').append(b.get(i)).append('\n');
                }
            }
            k = last + 1;
        }
        return out.toString();
    }

    /** Lines without their terminators (LF, CRLF or CR). */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}

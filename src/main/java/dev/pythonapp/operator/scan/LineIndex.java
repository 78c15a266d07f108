package dev.pythonapp.operator.scan;

import java.util.Arrays;

/** Maps character offsets of a text to lines and columns; a line ends at LF, CRLF or CR, as in YAML and Docker. */
public final class LineIndex {
    private final int[] lineStarts;

    public LineIndex(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    public Position position(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        int line = i >= 0 ? i : -i - 2;
        return new Position(line + 1, offset - lineStarts[line] + 1);
    }

    /** Offset of a 0-based line and a 0-based column counted in code points (SnakeYAML's marks). */
    public int offset(String text, int line, int codePointColumn) {
        return text.offsetByCodePoints(lineStarts[line], codePointColumn);
    }

    public int lines() {
        return lineStarts.length;
    }
}

package dev.pythonapp.operator.scan.dockerfile;

import java.util.Arrays;

/**
 * Text assembled from parts of a file (an instruction's arguments over continuation lines, a heredoc body), with
 * the file offset of every character, so a finding inside it points at the right line and column.
 */
public record MappedText(String value, int[] offsets) {

    public int fileOffset(int index) {
        if (offsets.length == 0) {
            return 0;
        }
        return offsets[Math.min(Math.max(index, 0), offsets.length - 1)];
    }

    public MappedText substring(int from) {
        return new MappedText(value.substring(from), Arrays.copyOfRange(offsets, from, offsets.length));
    }

    public MappedText strip() {
        int start = 0;
        int end = value.length();
        while (start < end && Character.isWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        return new MappedText(value.substring(start, end), Arrays.copyOfRange(offsets, start, end));
    }

    /** Builds a mapped text piece by piece. */
    static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private int[] offsets = new int[64];

        Builder append(String source, int from, int to) {
            for (int i = from; i < to; i++) {
                append(source.charAt(i), i);
            }
            return this;
        }

        Builder append(char c, int offset) {
            if (text.length() == offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[text.length()] = offset;
            text.append(c);
            return this;
        }

        int length() {
            return text.length();
        }

        MappedText build() {
            return new MappedText(text.toString(), Arrays.copyOf(offsets, text.length()));
        }
    }
}

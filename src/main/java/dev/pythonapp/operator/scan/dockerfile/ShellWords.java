package dev.pythonapp.operator.scan.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a POSIX shell command line into simple commands and their words, enough to lint RUN lines: quotes,
 * backslash escapes, comments, and the operators {@code && || ; | &}, newlines and parentheses end a command.
 */
public final class ShellWords {
    /** A word with quotes removed and the file offset of its first character. */
    public record Word(String value, int offset) {}

    private ShellWords() {}

    public static List<List<Word>> commands(MappedText script) {
        String s = script.value();
        List<List<Word>> commands = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        StringBuilder word = null;
        int wordStart = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean operator = c == ';' || c == '&' || c == '|' || c == '\n' || c == '(' || c == ')';
            if (Character.isWhitespace(c) && c != '\n' || operator) {
                if (word != null) {
                    current.add(new Word(word.toString(), script.fileOffset(wordStart)));
                    word = null;
                }
                if (operator && !current.isEmpty()) {
                    commands.add(current);
                    current = new ArrayList<>();
                }
                i++;
                continue;
            }
            if (c == '#' && word == null) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
                wordStart = i;
            }
            if (c == '\'') {
                int close = s.indexOf('\'', i + 1);
                close = close < 0 ? s.length() : close;
                word.append(s, i + 1, close);
                i = close + 1;
            } else if (c == '"') {
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    word.append(s.charAt(i++));
                }
                i++;
            } else if (c == '\\' && i + 1 < s.length()) {
                word.append(s.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        if (word != null) {
            current.add(new Word(word.toString(), script.fileOffset(wordStart)));
        }
        if (!current.isEmpty()) {
            commands.add(current);
        }
        return commands;
    }
}

package dev.pythonapp.operator.scan.dockerfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pythonapp.operator.scan.SourceSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a Dockerfile the way BuildKit's frontend does where it matters for linting: parser directives at the top
 * ({@code # escape=`}), continuation lines ending in the escape character (comment and blank lines inside them are
 * dropped), heredocs ({@code RUN <<EOF}, {@code <<-EOF}, quoted delimiters, several per instruction), leading
 * {@code --flags} and the JSON (exec) form. Pure: text in, instructions out.
 */
public final class DockerfileParser {
    static final Set<String> KEYWORDS = Set.of(
            "FROM",
            "RUN",
            "CMD",
            "LABEL",
            "MAINTAINER",
            "EXPOSE",
            "ENV",
            "ADD",
            "COPY",
            "ENTRYPOINT",
            "VOLUME",
            "USER",
            "WORKDIR",
            "ARG",
            "ONBUILD",
            "STOPSIGNAL",
            "HEALTHCHECK",
            "SHELL");
    private static final Set<String> WITH_FLAGS = Set.of("FROM", "RUN", "COPY", "ADD");
    private static final Set<String> WITH_HEREDOCS = Set.of("RUN", "COPY", "ADD");
    private static final Set<String> WITH_EXEC_FORM =
            Set.of("RUN", "CMD", "ENTRYPOINT", "COPY", "ADD", "SHELL", "VOLUME");
    private static final Pattern DIRECTIVE = Pattern.compile("#\\s*([a-zA-Z][a-zA-Z0-9_-]*)\\s*=\\s*(.*?)\\s*");
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_]*)\\2");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String text;
    private final List<int[]> lines = new ArrayList<>();
    private char escape = '\\';
    private int next;

    private DockerfileParser(String text) {
        this.text = text;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(new int[] {start, i});
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(new int[] {start, text.length()});
        }
    }

    public static Dockerfile parse(String text) throws SourceSyntaxException {
        return new DockerfileParser(text).parse();
    }

    private Dockerfile parse() throws SourceSyntaxException {
        Map<String, String> directives = readDirectives();
        List<Instruction> instructions = new ArrayList<>();
        while (next < lines.size()) {
            String line = line(next);
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                next++;
                continue;
            }
            instructions.add(instruction());
        }
        return new Dockerfile(directives, escape, instructions);
    }

    private Map<String, String> readDirectives() throws SourceSyntaxException {
        Map<String, String> directives = new LinkedHashMap<>();
        while (next < lines.size()) {
            Matcher m = DIRECTIVE.matcher(line(next));
            if (!m.matches()) {
                break;
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (directives.putIfAbsent(name, m.group(2)) != null) {
                throw new SourceSyntaxException("only one " + name + " parser directive is allowed", start(next));
            }
            if (name.equals("escape")) {
                if (!m.group(2).equals("\\") && !m.group(2).equals("`")) {
                    throw new SourceSyntaxException(
                            "invalid escape token '" + m.group(2) + "' does not validate", start(next));
                }
                escape = m.group(2).charAt(0);
            }
            next++;
        }
        return directives;
    }

    private Instruction instruction() throws SourceSyntaxException {
        int pos = start(next);
        while (Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        int keywordStart = pos;
        while (pos < end(next) && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        String keyword = text.substring(keywordStart, pos).toUpperCase(Locale.ROOT);
        if (!KEYWORDS.contains(keyword)) {
            throw new SourceSyntaxException(
                    "unknown instruction: " + text.substring(keywordStart, Math.max(pos, keywordStart + 1)),
                    keywordStart);
        }
        MappedText.Builder logical = new MappedText.Builder();
        while (true) {
            int lineEnd = end(next);
            int trimmed = lineEnd;
            while (trimmed > pos && Character.isWhitespace(text.charAt(trimmed - 1))) {
                trimmed--;
            }
            if (trimmed > pos && text.charAt(trimmed - 1) == escape) {
                logical.append(text, pos, trimmed - 1);
                next++;
                while (next < lines.size()
                        && (line(next).isBlank() || line(next).strip().startsWith("#"))) {
                    next++;
                }
                if (next >= lines.size()) {
                    break;
                }
                pos = start(next);
                continue;
            }
            logical.append(text, pos, lineEnd);
            next++;
            break;
        }
        MappedText args = logical.build().strip();
        Map<String, List<String>> flags = new LinkedHashMap<>();
        if (WITH_FLAGS.contains(keyword)) {
            args = readFlags(args, flags);
        }
        Optional<List<String>> execForm = WITH_EXEC_FORM.contains(keyword) ? execForm(args.value()) : Optional.empty();
        List<Heredoc> heredocs = execForm.isEmpty() && WITH_HEREDOCS.contains(keyword)
                ? heredocs(args.value(), keywordStart)
                : List.of();
        return new Instruction(keyword, keywordStart, flags, args, execForm, heredocs);
    }

    private static MappedText readFlags(MappedText args, Map<String, List<String>> flags) {
        MappedText rest = args;
        while (rest.value().startsWith("--")) {
            int space = 0;
            while (space < rest.value().length()
                    && !Character.isWhitespace(rest.value().charAt(space))) {
                space++;
            }
            String flag = rest.value().substring(2, space);
            int eq = flag.indexOf('=');
            String name = eq < 0 ? flag : flag.substring(0, eq);
            flags.computeIfAbsent(name, k -> new ArrayList<>()).add(eq < 0 ? "" : flag.substring(eq + 1));
            rest = rest.substring(space).strip();
        }
        return rest;
    }

    private static Optional<List<String>> execForm(String args) {
        if (!args.startsWith("[")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(args, new TypeReference<List<String>>() {}));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // Docker runs a malformed array in shell form
        }
    }

    private List<Heredoc> heredocs(String args, int instructionOffset) throws SourceSyntaxException {
        List<Heredoc> heredocs = new ArrayList<>();
        Matcher m = HEREDOC.matcher(args);
        while (m.find()) {
            boolean stripTabs = !m.group(1).isEmpty();
            String delimiter = m.group(3);
            MappedText.Builder body = new MappedText.Builder();
            boolean closed = false;
            while (next < lines.size()) {
                int from = start(next);
                if (stripTabs) {
                    while (from < end(next) && text.charAt(from) == '\t') {
                        from++;
                    }
                }
                if (text.substring(from, end(next)).equals(delimiter)) {
                    next++;
                    closed = true;
                    break;
                }
                body.append(text, from, end(next));
                body.append('\n', end(next));
                next++;
            }
            if (!closed) {
                throw new SourceSyntaxException(
                        "unterminated heredoc <<" + delimiter + ": no line " + delimiter
                                + " before the end of the file",
                        instructionOffset);
            }
            heredocs.add(new Heredoc(delimiter, body.build()));
        }
        return heredocs;
    }

    private String line(int i) {
        return text.substring(start(i), end(i));
    }

    private int start(int i) {
        return lines.get(i)[0];
    }

    private int end(int i) {
        return lines.get(i)[1];
    }
}

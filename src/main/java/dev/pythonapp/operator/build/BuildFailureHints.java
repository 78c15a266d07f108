package dev.pythonapp.operator.build;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The table of known causes of failed OpenShift builds, read from {@value #BUILT_IN}: entries are tried in order and
 * the first that matches gives the hint. The file's header states how entries match.
 */
public final class BuildFailureHints {
    public static final String BUILT_IN = "/build/failure-hints.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private static BuildFailureHints builtIn;

    private final List<FailurePattern> patterns;

    private BuildFailureHints(List<FailurePattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** The table shipped in the operator jar, read and validated on first use. */
    public static synchronized BuildFailureHints builtIn() {
        if (builtIn == null) {
            builtIn = parse(readBuiltIn(), BUILT_IN);
        }
        return builtIn;
    }

    /** Parses and validates a failure-hints document; every problem is listed in the exception. */
    public static BuildFailureHints parse(String yaml) {
        return parse(yaml, "the given document");
    }

    /** The entries in the order they are tried. */
    public List<FailurePattern> patterns() {
        return patterns;
    }

    /** The hint of the first entry that matches a build's status.reason or log snippet (either may be null). */
    public Optional<Hint> find(String reason, String logSnippet) {
        for (FailurePattern pattern : patterns) {
            Optional<Hint> hint = pattern.match(reason, logSnippet);
            if (hint.isPresent()) {
                return hint;
            }
        }
        return Optional.empty();
    }

    private static String readBuiltIn() {
        try (InputStream in = BuildFailureHints.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("build failure hints " + BUILT_IN + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BuildFailureHints parse(String yaml, String origin) {
        if (isBlank(yaml)) {
            throw new InvalidFailureHintsException(origin, List.of("the document has no entries"));
        }
        List<FailureHintEntry> entries;
        try {
            entries = YAML.readValue(yaml, new TypeReference<List<FailureHintEntry>>() {});
        } catch (IOException e) {
            String detail = e.getMessage() == null
                    ? ""
                    : e.getMessage().lines().findFirst().orElse("");
            throw new InvalidFailureHintsException(origin, List.of("not a list of entries: " + detail));
        }
        if (entries == null || entries.isEmpty()) {
            throw new InvalidFailureHintsException(origin, List.of("the document has no entries"));
        }
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<FailurePattern> patterns = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            FailureHintEntry entry = entries.get(i);
            String where = "entry " + (isBlank(entry.id()) ? "#" + (i + 1) : entry.id());
            int before = problems.size();
            checkEntry(entry, where, ids, problems);
            List<Pattern> log = compile(entry, where, problems);
            if (problems.size() == before) {
                checkPlaceholders(entry, where, problems);
            }
            if (problems.size() == before) {
                patterns.add(new FailurePattern(
                        entry.id(),
                        entry.source().strip(),
                        Set.copyOf(entry.reasons()),
                        log,
                        entry.hint().strip(),
                        entry.example()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFailureHintsException(origin, problems);
        }
        return new BuildFailureHints(patterns);
    }

    private static void checkEntry(FailureHintEntry entry, String where, Set<String> ids, List<String> problems) {
        if (isBlank(entry.id())) {
            problems.add(where + ": id is required");
        } else if (!ID.matcher(entry.id()).matches()) {
            problems.add(where + ": id must be kebab-case (a-z, 0-9, -)");
        } else if (!ids.add(entry.id())) {
            problems.add(where + ": duplicate id");
        }
        if (isBlank(entry.source())) {
            problems.add(where + ": source is required (where the matched texts come from)");
        }
        if (isBlank(entry.hint())) {
            problems.add(where + ": hint is required");
        }
        if (entry.reasons().isEmpty() && entry.log().isEmpty()) {
            problems.add(where + ": needs reasons, log regexes, or both");
        }
        if (entry.reasons().stream().anyMatch(BuildFailureHints::isBlank)) {
            problems.add(where + ": reasons must not be blank");
        }
        if (entry.example() == null
                || (isBlank(entry.example().reason()) && isBlank(entry.example().log()))) {
            problems.add(where + ": example with a reason or a log is required");
        }
    }

    private static List<Pattern> compile(FailureHintEntry entry, String where, List<String> problems) {
        List<Pattern> compiled = new ArrayList<>();
        List<String> log = entry.log();
        for (int i = 0; i < log.size(); i++) {
            String regex = log.get(i);
            if (isBlank(regex)) {
                problems.add(where + ": log regex " + (i + 1) + " is blank");
                continue;
            }
            try {
                compiled.add(Pattern.compile(regex, Pattern.MULTILINE));
            } catch (PatternSyntaxException e) {
                problems.add(where + ": log regex " + (i + 1) + " does not compile: " + e.getDescription()
                        + " near index " + e.getIndex() + " of " + regex);
            }
        }
        return compiled;
    }

    /** Each placeholder is the caller's or a named group that every log regex defines (a reason captures nothing). */
    private static void checkPlaceholders(FailureHintEntry entry, String where, List<String> problems) {
        for (String name : Hint.placeholders(entry.hint())) {
            if (Hint.CALLER_PLACEHOLDERS.contains(name)) {
                continue;
            }
            if (!entry.reasons().isEmpty()) {
                problems.add(where + ": hint placeholder {" + name + "} needs a log capture, but a reason match"
                        + " captures nothing; drop the reasons or the placeholder");
            }
            List<String> log = entry.log();
            for (int i = 0; i < log.size(); i++) {
                if (!Hint.firstGroups(NAMED_GROUP, log.get(i)).contains(name)) {
                    problems.add(where + ": log regex " + (i + 1) + " does not define the group (?<" + name
                            + ">...) that hint placeholder {" + name + "} needs");
                }
            }
        }
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

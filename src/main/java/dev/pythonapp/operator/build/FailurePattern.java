package dev.pythonapp.operator.build;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One validated entry of the failure table: it matches a build whose status.reason is one of {@code reasons}, or whose
 * log snippet contains a match of one of the {@code log} regexes.
 *
 * @param source where the matched texts come from
 * @param hint the hint's template, with {@code {placeholder}}s (see {@link Hint})
 * @param example a realistic failure this entry must explain
 */
public record FailurePattern(
        String id, String source, Set<String> reasons, List<Pattern> log, String hint, Example example) {

    /** A failure as OpenShift records it: the Build's status.reason and the log snippet, either may be null. */
    public record Example(String reason, String log) {}

    public FailurePattern {
        reasons = Set.copyOf(reasons);
        log = List.copyOf(log);
    }

    /** The hint when this entry matches, with the values of the named groups its template uses. */
    public Optional<Hint> match(String reason, String logSnippet) {
        if (reason != null && reasons.contains(reason)) {
            return Optional.of(new Hint(id, hint, Map.of()));
        }
        if (logSnippet == null) {
            return Optional.empty();
        }
        for (Pattern regex : log) {
            Matcher m = regex.matcher(logSnippet);
            if (m.find()) {
                return Optional.of(new Hint(id, hint, captured(m)));
            }
        }
        return Optional.empty();
    }

    /** The template's placeholders that name groups (loading checked that every regex defines them). */
    private Map<String, String> captured(Matcher m) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : Hint.placeholders(hint)) {
            if (!Hint.CALLER_PLACEHOLDERS.contains(name)) {
                // a group inside an optional part of the regex may not take part in the match
                values.put(name, Objects.requireNonNullElse(m.group(name), ""));
            }
        }
        return values;
    }
}

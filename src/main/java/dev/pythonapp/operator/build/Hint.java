package dev.pythonapp.operator.build;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hint of the failure-table entry that matched a build.
 *
 * @param patternId the id of the entry
 * @param template the entry's hint with its {@code {placeholder}}s
 * @param captured the values of the named groups the template uses, from the log line that matched
 */
public record Hint(String patternId, String template, Map<String, String> captured) {
    static final String BUILDER_IMAGE = "builderImage";
    static final String BUILDER_LIFECYCLE = "builderLifecycle";
    /** Placeholders the caller fills, from the build rather than from its log. */
    static final Set<String> CALLER_PLACEHOLDERS = Set.of(BUILDER_IMAGE, BUILDER_LIFECYCLE);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    public Hint {
        captured = Map.copyOf(captured);
    }

    /**
     * The hint's sentence.
     *
     * @param builderImage the builder image the build used; null or blank reads "(unknown)"
     * @param builderLifecycle a clause on the image's end of life such as "which is end of life since 2025-11-30",
     *     put in after the image as ", clause"; null or blank when the image is supported
     */
    public String text(String builderImage, String builderLifecycle) {
        Map<String, String> values = new HashMap<>(captured);
        values.put(BUILDER_IMAGE, BuildFailureHints.isBlank(builderImage) ? "(unknown)" : builderImage.strip());
        values.put(
                BUILDER_LIFECYCLE, BuildFailureHints.isBlank(builderLifecycle) ? "" : ", " + builderLifecycle.strip());
        return PLACEHOLDER
                .matcher(template)
                .replaceAll(m -> Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
    }

    /** The names of the placeholders in {@code template}, in order of first use. */
    static Set<String> placeholders(String template) {
        return firstGroups(PLACEHOLDER, template);
    }

    /** Group 1 of every match of {@code regex} in {@code text}, in order, without repeats. */
    static Set<String> firstGroups(Pattern regex, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = regex.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}

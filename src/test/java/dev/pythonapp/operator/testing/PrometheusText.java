package dev.pythonapp.operator.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The series of a Prometheus text exposition (what /q/metrics answers), parsed enough to count and query them. */
public final class PrometheusText {
    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample line: metric name, labels, value. */
    public record Series(String name, Map<String, String> labels, double value) {}

    private final String text;
    private final List<Series> series;

    public PrometheusText(String text) {
        this.text = text;
        this.series = text.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(PrometheusText::parse)
                .toList();
    }

    private static Series parse(String line) {
        Matcher m = SERIES.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Prometheus sample line: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (m.group(3) != null) {
            Matcher l = LABEL.matcher(m.group(3));
            while (l.find()) {
                labels.put(l.group(1), l.group(2));
            }
        }
        return new Series(m.group(1), labels, value(m.group(4)));
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    public List<Series> series() {
        return series;
    }

    public int bytes() {
        return text.length();
    }

    /** Sum of the samples of a metric over all its label sets (0 when absent). */
    public double sum(String name) {
        return sum(name, Map.of());
    }

    /** Sum of the samples of a metric whose labels include {@code labels}. */
    public double sum(String name, Map<String, String> labels) {
        return series.stream()
                .filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Series::value)
                .sum();
    }
}

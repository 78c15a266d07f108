package dev.pythonapp.operator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Appends a result row to a table of bench/RESULTS.md. Each table sits between {@code <!-- results:NAME -->} and
 * {@code <!-- /results:NAME -->}; a table that is not there yet is added at the end with its header.
 */
final class BenchResults {
    static final Path FILE = Path.of("bench", "RESULTS.md");

    private BenchResults() {}

    static synchronized void append(String table, String header, String row) {
        try {
            String text = Files.exists(FILE) ? Files.readString(FILE) : "# Benchmark results\n";
            String start = "<!-- results:" + table + " -->";
            String end = "<!-- /results:" + table + " -->";
            if (!text.contains(start)) {
                String separator = header.replaceAll("[^|]+", "---");
                text = text.stripTrailing() + "\n\n" + start + "\n" + header + "\n" + separator + "\n" + end + "\n";
            }
            int at = text.indexOf(end);
            text = text.substring(0, at) + row + "\n" + text.substring(at);
            Files.writeString(FILE, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Date, machine and JVM (with any profiling options of the operator's JVM): the first cells of every row. */
    static String context() {
        String extra = System.getProperty("bench.jvmOptions", "").trim();
        return LocalDate.now() + " | " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + (extra.isEmpty() ? "" : ", operator with `" + extra + "`");
    }

    static String mib(long bytes) {
        return String.format("%.0f MiB", bytes / 1024.0 / 1024.0);
    }

    static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}

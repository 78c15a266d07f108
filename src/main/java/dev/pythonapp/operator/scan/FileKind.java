package dev.pythonapp.operator.scan;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Which files the scanner reads, by name. */
public enum FileKind {
    YAML,
    DOCKERFILE;

    public static Optional<FileKind> of(Path path) {
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return Optional.of(YAML);
        }
        if (lower.equals("dockerfile")
                || lower.equals("containerfile")
                || lower.startsWith("dockerfile.")
                || lower.startsWith("containerfile.")
                || lower.endsWith(".dockerfile")
                || lower.endsWith(".containerfile")) {
            return Optional.of(DOCKERFILE);
        }
        return Optional.empty();
    }
}

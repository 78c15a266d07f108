package dev.pythonapp.operator.scan;

import dev.pythonapp.operator.scan.dockerfile.DockerfileScanner;
import dev.pythonapp.operator.scan.yaml.YamlScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Walks paths, scans every YAML file and Dockerfile/Containerfile, and places findings on lines and columns. Files
 * that do not parse become {@code parse-error} findings; nothing is skipped silently (Helm templates, which are not
 * YAML until rendered, are listed as skipped).
 */
public final class RepositoryScanner {
    /** Everything one scan saw. */
    public record Result(List<ScannedFile> files, List<String> skipped) {
        public List<Finding> findings() {
            return files.stream().flatMap(f -> f.findings().stream()).toList();
        }
    }

    private final ImageAssessor assessor;
    private final Path root;

    /** {@code root}: file names in findings are relative to it when the file is inside it. */
    public RepositoryScanner(ImageAssessor assessor, Path root) {
        this.assessor = assessor;
        this.root = root.toAbsolutePath().normalize();
    }

    /** Scans files and directories; a path that does not exist is an {@link IllegalArgumentException}. */
    public Result scan(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("no such file or directory: " + path);
            }
            if (Files.isDirectory(path)) {
                collect(path, files, skipped);
            } else if (FileKind.of(path).isPresent()) {
                files.add(path);
            } else {
                throw new IllegalArgumentException(
                        path + " is neither a YAML file nor a Dockerfile/Containerfile (by its name)");
            }
        }
        List<ScannedFile> scanned = files.parallelStream()
                .distinct()
                .map(this::scanFile)
                .sorted(Comparator.comparing(ScannedFile::displayPath))
                .toList();
        return new Result(scanned, List.copyOf(skipped));
    }

    private void collect(Path dir, List<Path> files, List<String> skipped) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String name = d.getFileName() == null ? "" : d.getFileName().toString();
                    boolean hidden = !d.equals(dir) && name.startsWith(".");
                    if (hidden || name.equals("node_modules")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (name.equals("templates")
                            && d.getParent() != null
                            && Files.exists(d.getParent().resolve("Chart.yaml"))) {
                        skipped.add(display(d) + "/ (Helm templates: scan the rendered output or values.yaml)");
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && FileKind.of(file).isPresent()) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ScannedFile scanFile(Path path) {
        String display = display(path);
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString();
        } catch (CharacterCodingException e) {
            return new ScannedFile(path, display, "", List.of(parseError(display, "not UTF-8 text")), List.of());
        } catch (IOException e) {
            return new ScannedFile(
                    path, display, "", List.of(parseError(display, "cannot read: " + e.getMessage())), List.of());
        }
        return scanText(path, display, text, FileKind.of(path).orElse(FileKind.YAML));
    }

    /** Scans a text as the given kind of file. */
    public ScannedFile scanText(Path path, String display, String text, FileKind kind) {
        LineIndex lines = new LineIndex(text);
        List<Detection> detections;
        try {
            detections = kind == FileKind.YAML
                    ? new YamlScanner(assessor).scan(text)
                    : DockerfileScanner.scan(text, assessor, i -> i);
        } catch (SourceSyntaxException e) {
            String what = kind == FileKind.YAML ? "YAML: " : "Dockerfile: ";
            return failed(path, display, text, lines, e.offset(), what + e.getMessage());
        }
        List<Finding> findings = detections.stream()
                .map(d -> new Finding(display, lines.position(d.offset()), d.rule(), d.message(), d.fix(), d.image()))
                .toList();
        List<Edit> edits = detections.stream().flatMap(d -> d.edits().stream()).toList();
        return new ScannedFile(path, display, text, findings, edits);
    }

    private static ScannedFile failed(
            Path path, String display, String text, LineIndex lines, int offset, String message) {
        Finding f = new Finding(
                display, lines.position(offset), Rule.PARSE_ERROR, message, Rule.PARSE_ERROR.fix, Optional.empty());
        return new ScannedFile(path, display, text, List.of(f), List.of());
    }

    private static Finding parseError(String display, String message) {
        return new Finding(
                display, new Position(1, 1), Rule.PARSE_ERROR, message, Rule.PARSE_ERROR.fix, Optional.empty());
    }

    private String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(root) ? root.relativize(absolute) : path;
        return shown.toString().replace('\\', '/');
    }
}

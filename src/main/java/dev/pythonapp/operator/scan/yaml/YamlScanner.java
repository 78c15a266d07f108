package dev.pythonapp.operator.scan.yaml;

import dev.pythonapp.operator.scan.Detection;
import dev.pythonapp.operator.scan.Edit;
import dev.pythonapp.operator.scan.ImageAssessor;
import dev.pythonapp.operator.scan.LineIndex;
import dev.pythonapp.operator.scan.Rule;
import dev.pythonapp.operator.scan.SourceSyntaxException;
import dev.pythonapp.operator.scan.dockerfile.DockerfileScanner;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds Python image references in YAML files of any kind, with SnakeYAML's node API so every finding has the exact
 * offset of its scalar and {@code upgrade} can replace just that scalar's characters. Recognised: any scalar that is
 * a catalog or community image reference; ImageStreamTag references ({@code kind: ImageStreamTag},
 * {@code name: python:3.8-ubi8}); kustomize {@code images:} entries (name/newName/newTag); Helm-style
 * {@code registry}/{@code repository}/{@code tag} maps; a PythonApp's {@code spec.pythonVersion}; and inline
 * Dockerfiles ({@code dockerfile: |}, as in a BuildConfig's {@code spec.source}).
 */
public final class YamlScanner {
    private final ImageAssessor assessor;
    private String text;
    private LineIndex lines;
    private List<Detection> detections;
    private Set<Node> visited;

    public YamlScanner(ImageAssessor assessor) {
        this.assessor = assessor;
    }

    public List<Detection> scan(String yamlText) throws SourceSyntaxException {
        this.text = yamlText;
        this.lines = new LineIndex(yamlText);
        this.detections = new ArrayList<>();
        this.visited = Collections.newSetFromMap(new IdentityHashMap<>());
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        try {
            for (Node document : new Yaml(options).composeAll(new StringReader(yamlText))) {
                if (document != null) {
                    walk(document, true);
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new SourceSyntaxException(
                    firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage()), offset(mark));
        } catch (YAMLException e) {
            throw new SourceSyntaxException(firstLine(e.getMessage()), 0);
        }
        detections.sort(java.util.Comparator.comparingInt(Detection::offset));
        return detections;
    }

    /** A scalar with the offset of its value text; {@code exact} when the file holds the value verbatim there. */
    private record Scalar(ScalarNode node, String value, int start, boolean exact) {
        Optional<Edit> edit(String replacement) {
            return exact ? Optional.of(new Edit(start, start + value.length(), replacement)) : Optional.empty();
        }
    }

    private void walk(Node node, boolean root) {
        if (!visited.add(node)) {
            return; // an alias of a node already scanned
        }
        if (node instanceof MappingNode m) {
            mapping(m, root);
        } else if (node instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                if (item instanceof ScalarNode scalar) {
                    reference(scalar(scalar));
                } else {
                    walk(item, false);
                }
            }
        }
    }

    private void mapping(MappingNode m, boolean root) {
        Map<String, Node> entries = entries(m);
        Set<Node> consumed = Collections.newSetFromMap(new IdentityHashMap<>());
        if (root && isPythonApp(entries)) {
            pythonApp(entries, consumed);
        }
        Optional<Scalar> name = scalarEntry(entries, "name");
        if (scalarEntry(entries, "kind")
                        .map(Scalar::value)
                        .filter("ImageStreamTag"::equals)
                        .isPresent()
                && name.isPresent()) {
            consumed.add(name.get().node());
            String namespace =
                    scalarEntry(entries, "namespace").map(Scalar::value).orElse(null);
            assessor.imageStreamTag(namespace, name.get().value())
                    .ifPresent(a -> detections.add(Detection.of(
                            a,
                            name.get().start(),
                            a.replacement().flatMap(r -> name.get().edit(r)).stream()
                                    .toList())));
        } else if (name.isPresent() && (entries.containsKey("newTag") || entries.containsKey("newName"))) {
            kustomizeImage(entries, name.get(), consumed);
        } else if (scalarEntry(entries, "repository").isPresent()) {
            helmImage(entries, consumed);
        }
        scalarEntry(entries, "dockerfile").ifPresent(d -> {
            consumed.add(d.node());
            inlineDockerfile(d);
        });
        for (NodeTuple tuple : m.getValue()) {
            Node value = tuple.getValueNode();
            if (consumed.contains(value)) {
                continue;
            }
            if (value instanceof ScalarNode scalar) {
                reference(scalar(scalar));
            } else {
                walk(value, false);
            }
        }
    }

    /** A scalar that is an image reference by itself. */
    private void reference(Scalar scalar) {
        if (!visited.add(scalar.node()) || !ImageAssessor.mayBeReference(scalar.value())) {
            return;
        }
        assessor.reference(scalar.value())
                .ifPresent(a -> detections.add(Detection.of(
                        a,
                        scalar.start(),
                        a.replacement().flatMap(scalar::edit).stream().toList())));
    }

    private static boolean isPythonApp(Map<String, Node> entries) {
        return value(entries.get("kind")).filter("PythonApp"::equals).isPresent()
                && value(entries.get("apiVersion"))
                        .filter(v -> v.startsWith("pythonapp.dev/"))
                        .isPresent();
    }

    private void pythonApp(Map<String, Node> root, Set<Node> consumed) {
        if (!(root.get("spec") instanceof MappingNode specNode)) {
            return;
        }
        Map<String, Node> spec = entries(specNode);
        Map<String, Node> builder = spec.get("builder") instanceof MappingNode b ? entries(b) : Map.of();
        Optional<Scalar> version = scalarEntry(spec, "pythonVersion");
        if (version.isEmpty() || builder.containsKey("image")) {
            return; // an explicit builder image is judged as a reference
        }
        String os = value(builder.get("os")).orElse(null);
        String variant = value(builder.get("variant")).orElse(null);
        Scalar v = version.get();
        assessor.pythonVersion(v.value(), os, variant).ifPresent(a -> {
            List<Edit> edits = a
                    .replacement()
                    .flatMap(r -> v.edit(
                            v.node().getScalarStyle() == ScalarStyle.PLAIN && r.endsWith("0")
                                    ? "\"" + r + "\"" // a plain 3.10 would be read as the number 3.1
                                    : r))
                    .stream()
                    .toList();
            detections.add(Detection.of(a, v.start(), edits));
        });
    }

    private void kustomizeImage(Map<String, Node> entries, Scalar name, Set<Node> consumed) {
        Optional<Scalar> newName = scalarEntry(entries, "newName");
        Optional<Scalar> newTag = scalarEntry(entries, "newTag");
        Scalar repository = newName.orElse(name);
        consumed.add(name.node());
        newName.ifPresent(s -> consumed.add(s.node()));
        newTag.ifPresent(s -> consumed.add(s.node()));
        String reference = repository.value() + newTag.map(t -> ":" + t.value()).orElse("");
        // name is what kustomize matches in the manifests: never rewritten, newName is
        composite(reference, repository, "", newName.isPresent(), newTag);
    }

    private void helmImage(Map<String, Node> entries, Set<Node> consumed) {
        Scalar repository = scalarEntry(entries, "repository").orElseThrow();
        Optional<Scalar> registry = scalarEntry(entries, "registry");
        Optional<Scalar> tag = scalarEntry(entries, "tag");
        String prefix = registry.map(r -> r.value() + "/").orElse("");
        String reference =
                prefix + repository.value() + tag.map(t -> ":" + t.value()).orElse("");
        if (!ImageAssessor.mayBeReference(reference)
                || assessor.reference(reference).isEmpty()) {
            return;
        }
        consumed.add(repository.node());
        registry.ifPresent(s -> consumed.add(s.node()));
        tag.ifPresent(s -> consumed.add(s.node()));
        composite(reference, repository, prefix, true, tag);
    }

    /** An image written in parts (repository and tag in separate scalars): each part is rewritten on its own. */
    private void composite(
            String reference, Scalar repository, String prefix, boolean repositoryEditable, Optional<Scalar> tag) {
        if (!ImageAssessor.mayBeReference(reference)) {
            return;
        }
        assessor.reference(reference).ifPresent(a -> {
            // a community image's version is in its tag: point at the tag
            int at = tag.filter(t -> a.image().contains(":")).map(Scalar::start).orElse(repository.start());
            if (a.replacement().isEmpty()) {
                detections.add(Detection.of(a, at, List.of()));
                return;
            }
            String replacement = a.replacement().get();
            int colon = replacement.lastIndexOf(':');
            boolean hasTag = colon > replacement.lastIndexOf('/');
            String newRepository = hasTag ? replacement.substring(0, colon) : replacement;
            String newTag = hasTag ? replacement.substring(colon + 1) : null;
            List<Edit> edits = new ArrayList<>();
            String manual = null;
            if (!newRepository.startsWith(prefix)) {
                manual = "the successor is on another registry: set the image to " + replacement;
            } else if (!newRepository.substring(prefix.length()).equals(repository.value())) {
                String value = newRepository.substring(prefix.length());
                Optional<Edit> edit = repositoryEditable ? repository.edit(value) : Optional.empty();
                if (edit.isEmpty()) {
                    manual = "set newName (or the repository) to " + value;
                } else {
                    edits.add(edit.get());
                }
            }
            if (manual == null
                    && newTag != null
                    && tag.isPresent()
                    && !newTag.equals(tag.get().value())) {
                Optional<Edit> edit = tag.get().edit(newTag);
                if (edit.isEmpty()) {
                    manual = "set the tag to " + newTag;
                } else {
                    edits.add(edit.get());
                }
            }
            detections.add(
                    manual == null
                            ? Detection.of(a, at, edits)
                            : Detection.of(a.withReplacement(Optional.empty(), Optional.of(manual)), at, List.of()));
        });
    }

    private void inlineDockerfile(Scalar dockerfile) {
        String value = dockerfile.value();
        if (!value.contains("\n") && !value.regionMatches(true, 0, "FROM", 0, 4)) {
            return;
        }
        boolean literal = dockerfile.node().getScalarStyle() == ScalarStyle.LITERAL;
        IntUnaryOperator toFile = literal ? literalBlock(dockerfile) : i -> dockerfile.start();
        try {
            for (Detection d : DockerfileScanner.scan(value, assessor, toFile)) {
                // edits are exact only in a literal block, where each line of the value is a line of the file
                detections.add(
                        literal ? d : new Detection(d.rule(), d.offset(), d.message(), d.fix(), d.image(), List.of()));
            }
        } catch (SourceSyntaxException e) {
            detections.add(new Detection(
                    Rule.PARSE_ERROR,
                    toFile.applyAsInt(e.offset()),
                    "inline Dockerfile: " + e.getMessage(),
                    Rule.PARSE_ERROR.fix,
                    Optional.empty(),
                    List.of()));
        }
    }

    /** Offsets of a literal block scalar's value mapped to the file: line by line, after the block's indentation. */
    private IntUnaryOperator literalBlock(Scalar block) {
        String value = block.value();
        int firstLine = block.node().getStartMark().getLine() + 1;
        int indent = 0;
        int contentStart = lines.offset(text, Math.min(firstLine, lines.lines() - 1), 0);
        while (contentStart + indent < text.length() && text.charAt(contentStart + indent) == ' ') {
            indent++;
        }
        List<Integer> valueLineStarts = new ArrayList<>();
        valueLineStarts.add(0);
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '\n') {
                valueLineStarts.add(i + 1);
            }
        }
        final int blockIndent = indent;
        return i -> {
            int k = Collections.binarySearch(valueLineStarts, i);
            int line = k >= 0 ? k : -k - 2;
            int fileLine = Math.min(firstLine + line, lines.lines() - 1);
            return lines.offset(text, fileLine, 0) + blockIndent + (i - valueLineStarts.get(line));
        };
    }

    private Scalar scalar(ScalarNode node) {
        int start = offset(node.getStartMark());
        int end = offset(node.getEndMark());
        // an anchor or tag (&img, !!str) comes before the value in the node's range
        while (start < end && (text.charAt(start) == '&' || text.charAt(start) == '!')) {
            while (start < end && !Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
        }
        String raw = text.substring(start, Math.max(start, end));
        String value = node.getValue();
        return switch (node.getScalarStyle()) {
            case PLAIN -> new Scalar(node, value, start, raw.equals(value));
            case SINGLE_QUOTED, DOUBLE_QUOTED ->
                new Scalar(
                        node,
                        value,
                        start + 1,
                        raw.length() == value.length() + 2
                                && raw.substring(1, raw.length() - 1).equals(value));
            default -> new Scalar(node, value, start, false);
        };
    }

    private int offset(Mark mark) {
        if (mark == null) {
            return 0;
        }
        int line = Math.min(mark.getLine(), lines.lines() - 1);
        try {
            return lines.offset(text, line, mark.getColumn());
        } catch (IndexOutOfBoundsException e) {
            return text.length();
        }
    }

    private Optional<Scalar> scalarEntry(Map<String, Node> entries, String key) {
        return entries.get(key) instanceof ScalarNode s ? Optional.of(scalar(s)) : Optional.empty();
    }

    private static Optional<String> value(Node node) {
        return node instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
    }

    private static Map<String, Node> entries(MappingNode m) {
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : m.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                entries.putIfAbsent(key.getValue(), tuple.getValueNode());
            }
        }
        return entries;
    }

    private static String firstLine(String s) {
        return s == null
                ? "invalid YAML"
                : s.lines().findFirst().orElse("invalid YAML").strip();
    }
}

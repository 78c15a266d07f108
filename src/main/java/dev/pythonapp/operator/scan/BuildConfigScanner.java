package dev.pythonapp.operator.scan;

import dev.pythonapp.operator.eol.BuildConfigBuilders;
import dev.pythonapp.operator.eol.BuildConfigBuilders.BuilderField;
import dev.pythonapp.operator.eol.BuildConfigBuilders.Reference;
import dev.pythonapp.operator.eol.BuildConfigLifecycleApply.Builder;
import dev.pythonapp.operator.eol.BuildConfigLifecycleApply.Images;
import dev.pythonapp.operator.eol.BuildConfigLifecycleApply.InlineDockerfile;
import dev.pythonapp.operator.scan.dockerfile.DockerfileScanner;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.openshift.api.model.BuildConfig;
import java.util.List;
import java.util.Optional;

/**
 * The Python images of a BuildConfig object, with the scanner's code: the builder reference of the build strategy and
 * the base images of an inline {@code spec.source.dockerfile}, each judged and, where {@code upgrade} would rewrite
 * it, rewritten the same way. The BuildConfig admission warnings and the operator's scan of existing BuildConfigs
 * both read it. Pure.
 */
public final class BuildConfigScanner {
    private BuildConfigScanner() {}

    public static Images images(BuildConfig bc, ImageAssessor assessor) {
        return new Images(builder(bc, assessor), dockerfile(bc, assessor));
    }

    /**
     * The builder reference of {@code sourceStrategy.from} or {@code dockerStrategy.from}: a catalog image (any
     * registry name, or an {@code openshift/python} tag) or, as a DockerImage, any other reference the scanner
     * recognises, such as the community image {@code python:3.8-slim}.
     */
    public static Optional<Builder> builder(BuildConfig bc, ImageAssessor assessor) {
        Optional<BuilderField> field = BuildConfigBuilders.builderField(bc);
        if (field.isEmpty()) {
            return Optional.empty();
        }
        Optional<BuildConfigBuilders.Assessment> catalog =
                BuildConfigBuilders.assess(bc, assessor.lifecycle(), assessor.today());
        if (catalog.isPresent()) {
            return Optional.of(new Builder(
                    field.get(), catalog.get().reference(), catalog.get().rewritten()));
        }
        ObjectReference from = field.get().from();
        if (!"DockerImage".equals(from.getKind()) || from.getName() == null) {
            return Optional.empty();
        }
        return assessor.reference(from.getName()).map(a -> {
            Optional<ObjectReference> rewritten = a.replacement()
                    .map(name -> new ObjectReferenceBuilder()
                            .withKind("DockerImage")
                            .withName(name)
                            .build());
            return new Builder(
                    field.get(),
                    reference(
                            BuildConfigBuilders.describe(from),
                            "builder " + a.image(),
                            a,
                            rewritten.map(to -> to.getKind() + " " + to.getName())),
                    rewritten);
        });
    }

    /**
     * The inline Dockerfile when a stage's base image is a Python image, with the text {@code upgrade} would write:
     * only the characters of end-of-life references written literally in {@code FROM} change, every other byte stays.
     * A reference that comes from ARG values is reported, never rewritten (the ARG default would have to change).
     * A Dockerfile that does not parse holds nothing recognised (admission warns about it).
     */
    public static Optional<InlineDockerfile> dockerfile(BuildConfig bc, ImageAssessor assessor) {
        Optional<String> inline = BuildConfigBuilders.inlineDockerfile(bc);
        if (inline.isEmpty()) {
            return Optional.empty();
        }
        String text = inline.get();
        List<Detection> images;
        try {
            images = DockerfileScanner.scan(text, assessor, i -> i).stream()
                    .filter(d -> d.image().isPresent())
                    .toList();
        } catch (SourceSyntaxException e) {
            return Optional.empty();
        }
        if (images.isEmpty()) {
            return Optional.empty();
        }
        LineIndex lines = new LineIndex(text);
        List<Reference> references = images.stream()
                .map(d -> {
                    ImageAssessment a = d.image().orElseThrow();
                    String line =
                            "Dockerfile line " + lines.position(d.offset()).line() + " ";
                    return reference(
                            line + a.written(),
                            line + a.image(),
                            a,
                            d.edits().isEmpty() ? Optional.empty() : a.replacement());
                })
                .toList();
        List<Edit> edits = images.stream().flatMap(d -> d.edits().stream()).toList();
        return Optional.of(new InlineDockerfile(text, references, Edit.apply(text, edits)));
    }

    private static Reference reference(
            String written, String subject, ImageAssessment a, Optional<String> rewrittenTo) {
        String note = ImageAssessor.COMMUNITY_BASIS.equals(a.basis()) ? " (CPython)" : "";
        return new Reference(
                written,
                a.image(),
                a.state(),
                a.eolDate(),
                BuildConfigBuilders.warning(subject, a.state(), a.eolDate(), note, a.successor()),
                rewrittenTo);
    }
}

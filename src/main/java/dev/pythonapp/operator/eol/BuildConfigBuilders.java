package dev.pythonapp.operator.eol;

import dev.pythonapp.operator.api.MessageLimit;
import dev.pythonapp.operator.catalog.BuilderCatalog;
import dev.pythonapp.operator.catalog.BuilderImage;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.BuildStrategy;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * Recognises the builder of any BuildConfig (for example one made by
 * {@code oc new-app python:3.8-ubi8~https://github.com/sclorg/django-ex.git}) and rewrites it to its successor in the
 * same form. Pure: no cluster calls.
 *
 * <p>Recognised: {@code sourceStrategy.from} and {@code dockerStrategy.from}, as a DockerImage reference by any
 * registry name of a catalog image (tag or digest), or as an ImageStreamTag of the {@code openshift/python}
 * ImageStream ({@code python:3.8-ubi8}, {@code python:3.8}, {@code python:latest}). Community images such as
 * {@code python:3.8-slim} and the base images of an inline Dockerfile are recognised by the repository scanner's code
 * ({@code scan.BuildConfigScanner}, which starts with this class).
 */
public final class BuildConfigBuilders {
    /** The shared ImageStream of the sclorg Python builders on OpenShift. */
    public static final String PYTHON_STREAM = "python";

    public static final String PYTHON_STREAM_NAMESPACE = "openshift";
    /** The builder lifecycle the operator found, written in report and rewrite modes. */
    public static final String LIFECYCLE_ANNOTATION = "pythonapp.dev/builder-lifecycle";
    /** Annotation recording the builder reference before a rewrite ("Kind name", e.g. "ImageStreamTag openshift/python:3.8-ubi8"). */
    public static final String REWRITTEN_FROM_ANNOTATION = "pythonapp.dev/builder-rewritten-from";

    private BuildConfigBuilders() {}

    /** A builder reference found in a BuildConfig, and the catalog image behind it. */
    public record Found(ObjectReference from, BuilderImage image) {
        public String describe() {
            return BuildConfigBuilders.describe(from);
        }
    }

    /** Where the builder reference sits: the strategy field ({@code sourceStrategy} or {@code dockerStrategy}). */
    public record BuilderField(String strategy, ObjectReference from) {}

    /** "Kind namespace/name", e.g. "ImageStreamTag openshift/python:3.8-ubi8". */
    public static String describe(ObjectReference ref) {
        return ref.getKind() + " " + (ref.getNamespace() == null ? "" : ref.getNamespace() + "/") + ref.getName();
    }

    /** The lifecycle of a BuildConfig's builder, and what a rewrite would change. */
    public record Assessment(Found found, LifecycleAssessment lifecycle, Optional<ObjectReference> rewritten) {
        public LifecycleState state() {
            return lifecycle.state();
        }

        /** Present for every catalog image. */
        public LocalDate eolDate() {
            return lifecycle.eolDate().orElseThrow();
        }

        public Optional<BuilderImage> successor() {
            return lifecycle.successor();
        }

        /** As a reference of any kind: the builder reference as written, and the rewrite as "Kind name". */
        public Reference reference() {
            return new Reference(
                    found.describe(),
                    found.image().name(),
                    state(),
                    eolDate(),
                    warning(found.image().name(), state(), eolDate(), successor()),
                    rewritten.map(to -> to.getKind() + " " + to.getName()));
        }
    }

    /**
     * A Python image reference the operator recognised in a BuildConfig: a catalog builder, a community image such as
     * {@code python:3.8-slim}, or the base image of an inline Dockerfile's stage.
     *
     * @param written     where and as what it is written ({@code ImageStreamTag openshift/python:3.8-ubi8},
     *                    {@code DockerImage python:3.8-slim}, {@code Dockerfile line 1 python:3.8-slim})
     * @param image       the catalog or community image ({@code ubi8/python-38}, {@code python:3.8-slim})
     * @param warning     its lifecycle in one line, as admission warns and report mode annotates
     * @param rewrittenTo what rewrite mode writes instead: only for an end-of-life image whose successor can be written
     *                    in the same form ({@code ImageStreamTag python:3.12-ubi8}, {@code python:3.11-slim})
     */
    public record Reference(
            String written,
            String image,
            LifecycleState state,
            LocalDate eolDate,
            String warning,
            Optional<String> rewrittenTo) {}

    public static Optional<ObjectReference> from(BuildConfig bc) {
        return builderField(bc).map(BuilderField::from);
    }

    public static Optional<BuilderField> builderField(BuildConfig bc) {
        if (bc == null || bc.getSpec() == null || bc.getSpec().getStrategy() == null) {
            return Optional.empty();
        }
        BuildStrategy strategy = bc.getSpec().getStrategy();
        if (strategy.getSourceStrategy() != null && strategy.getSourceStrategy().getFrom() != null) {
            return Optional.of(new BuilderField(
                    "sourceStrategy", strategy.getSourceStrategy().getFrom()));
        }
        if (strategy.getDockerStrategy() != null && strategy.getDockerStrategy().getFrom() != null) {
            return Optional.of(new BuilderField(
                    "dockerStrategy", strategy.getDockerStrategy().getFrom()));
        }
        return Optional.empty();
    }

    /** The inline {@code spec.source.dockerfile}, unless there is none or it is blank. */
    public static Optional<String> inlineDockerfile(BuildConfig bc) {
        return Optional.ofNullable(bc == null ? null : bc.getSpec())
                .map(spec -> spec.getSource())
                .map(source -> source.getDockerfile())
                .filter(text -> !text.isBlank());
    }

    public static Optional<Found> find(BuildConfig bc, BuilderCatalog catalog) {
        return from(bc).flatMap(ref -> identify(ref, catalog).map(image -> new Found(ref, image)));
    }

    public static Optional<BuilderImage> identify(ObjectReference ref, BuilderCatalog catalog) {
        if ("DockerImage".equals(ref.getKind()) && ref.getName() != null) {
            return catalog.findByReference(ref.getName());
        }
        if ("ImageStreamTag".equals(ref.getKind())
                && ref.getName() != null
                && (ref.getNamespace() == null || PYTHON_STREAM_NAMESPACE.equals(ref.getNamespace()))) {
            String[] streamAndTag = ref.getName().split(":", 2);
            if (streamAndTag.length == 2 && PYTHON_STREAM.equals(streamAndTag[0])) {
                return catalog.findByImageStreamTag(streamAndTag[1]);
            }
        }
        return Optional.empty();
    }

    /** Lifecycle of the BuildConfig's builder and, when it is end of life and has a successor, the rewritten reference. */
    public static Optional<Assessment> assess(BuildConfig bc, Lifecycle lifecycle, LocalDate today) {
        return find(bc, lifecycle.catalog()).map(found -> {
            LifecycleAssessment assessment = lifecycle.assess(found.image(), today);
            Optional<ObjectReference> rewritten = assessment.state() == LifecycleState.END_OF_LIFE
                    ? assessment.successor().map(s -> sameForm(found.from(), s))
                    : Optional.empty();
            return new Assessment(found, assessment, rewritten);
        });
    }

    /** The successor in the form of the original: an openshift/python tag stays a tag when the stream has one. */
    public static ObjectReference sameForm(ObjectReference original, BuilderImage successor) {
        if ("ImageStreamTag".equals(original.getKind())
                && !successor.imageStreamTags().isEmpty()) {
            return new ObjectReferenceBuilder()
                    .withKind("ImageStreamTag")
                    .withNamespace(original.getNamespace())
                    .withName(PYTHON_STREAM + ":" + successor.imageStreamTags().get(0))
                    .build();
        }
        String name = "DockerImage".equals(original.getKind())
                ? BuilderPolicy.successorReference(original.getName(), successor)
                : successor.reference();
        return new ObjectReferenceBuilder()
                .withKind("DockerImage")
                .withName(name)
                .build();
    }

    /** Replaces the builder reference {@code found} of {@code bc} with {@code to} and records the original. */
    public static void rewrite(BuildConfig bc, Found found, ObjectReference to) {
        ObjectReference from = found.from();
        if (bc.getMetadata().getAnnotations() == null) {
            bc.getMetadata().setAnnotations(new LinkedHashMap<>());
        }
        bc.getMetadata().getAnnotations().put(REWRITTEN_FROM_ANNOTATION, found.describe());
        from.setKind(to.getKind());
        from.setName(to.getName());
        from.setNamespace(to.getNamespace());
    }

    /** An admission warning about the builder's lifecycle, cut to {@link MessageLimit#ADMISSION_WARNING}. */
    public static String warning(
            String builderName, LifecycleState state, LocalDate eolDate, Optional<BuilderImage> successor) {
        return warning("builder " + builderName, state, eolDate, "", successor.map(BuilderImage::name));
    }

    /**
     * An admission warning about the lifecycle of {@code subject} ("builder python:3.8-slim", "Dockerfile line 1
     * ubi8/python-38"); {@code note} follows the date (" (CPython)" for a community image), cut to
     * {@link MessageLimit#ADMISSION_WARNING}.
     */
    public static String warning(
            String subject, LifecycleState state, LocalDate eolDate, String note, Optional<String> successor) {
        String what = state == LifecycleState.END_OF_LIFE ? " reached end of life on " : " reaches end of life on ";
        return warning(subject
                + what
                + eolDate
                + note
                + successor.map(s -> "; successor " + s).orElse(""));
    }

    /** Any admission warning text, cut to {@link MessageLimit#ADMISSION_WARNING}. */
    public static String warning(String text) {
        return MessageLimit.ADMISSION_WARNING.cut(text);
    }
}

package dev.pythonapp.operator.eol;

import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import dev.pythonapp.operator.eol.BuildConfigBuilders.BuilderField;
import dev.pythonapp.operator.eol.BuildConfigBuilders.Reference;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.openshift.api.model.BuildConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the operator writes into a BuildConfig it does not own, as a Server-Side Apply configuration: the lifecycle
 * annotation and, when rewriting, the builder reference, the inline Dockerfile and the rewritten-from annotation. Pure:
 * no cluster calls. Which images a BuildConfig holds is found elsewhere ({@code scan.BuildConfigScanner}, with the
 * repository scanner's catalog, community and Dockerfile code); this class only plans and writes.
 *
 * <p>An apply configuration holds every field its manager means to keep: a field the manager applied before and
 * leaves out now is deleted. So each apply carries every field that holds a recognised image (the builder reference,
 * the inline Dockerfile), rewritten or as it is, and an existing rewritten-from annotation, never only the part that
 * changed. The live resourceVersion makes the write fail on a BuildConfig changed since it was read, rather than
 * apply stale values.
 */
public final class BuildConfigLifecycleApply {
    /** Separates the parts of the annotations when a BuildConfig holds more than one Python image. */
    public static final String SEPARATOR = " | ";

    private BuildConfigLifecycleApply() {}

    /** The builder reference of the build strategy, recognised, and the successor in the same form if rewritable. */
    public record Builder(BuilderField field, Reference reference, Optional<ObjectReference> rewritten) {}

    /**
     * An inline {@code spec.source.dockerfile}: its text, its stages' recognised base images, and the text with every
     * rewritable end-of-life reference replaced by its successor (the text itself when there is none).
     */
    public record InlineDockerfile(String text, List<Reference> references, String rewritten) {
        public InlineDockerfile {
            references = List.copyOf(references);
        }
    }

    /** The Python images of one BuildConfig: the builder reference, the inline Dockerfile's base images. */
    public record Images(Optional<Builder> builder, Optional<InlineDockerfile> dockerfile) {

        /** Every recognised reference, the builder reference first. */
        public List<Reference> references() {
            return Stream.concat(
                            builder.stream().map(Builder::reference),
                            dockerfile.stream().flatMap(d -> d.references().stream()))
                    .toList();
        }

        /** The references that are end of life or soon will be: nothing to do when there are none. */
        public List<Reference> notSupported() {
            return references().stream()
                    .filter(r -> r.state() != LifecycleState.SUPPORTED)
                    .toList();
        }
    }

    /**
     * The lifecycle annotation's value, whether the plan rewrites, and the values to apply.
     *
     * @param rewrittenFrom the rewritten-from annotation when this plan rewrites (otherwise the live one is kept)
     * @param from          the builder reference to apply, when it holds a recognised image
     * @param dockerfile    the inline Dockerfile to apply, when it holds a recognised image
     */
    public record Plan(
            String lifecycle,
            boolean rewrites,
            Optional<String> rewrittenFrom,
            Optional<ObjectReference> from,
            Optional<String> dockerfile) {
        /** The condition reason the lifecycle stands for (the annotation starts with its id). */
        public ConditionReason reason() {
            return ConditionReason.byId(lifecycle.substring(0, lifecycle.indexOf(':')))
                    .orElseThrow();
        }
    }

    /**
     * The plan for images of which at least one is not plainly supported: rewrite what can be rewritten when asked,
     * report the rest. Each not-supported reference is one part of the lifecycle annotation, starting with its reason;
     * the most significant first (rewritten, end of life, end of life soon), since the event is about the first.
     */
    public static Plan plan(Images images, boolean rewrite) {
        List<Reference> notSupported = images.notSupported();
        boolean rewrites =
                rewrite && notSupported.stream().anyMatch(r -> r.rewrittenTo().isPresent());
        List<Map.Entry<ConditionReason, String>> parts = new ArrayList<>();
        for (Reference r : notSupported) {
            if (rewrites && r.rewrittenTo().isPresent()) {
                parts.add(Map.entry(
                        ConditionReason.REWRITTEN,
                        r.written() + " -> " + r.rewrittenTo().get() + " (" + r.image() + " end of life " + r.eolDate()
                                + ")"));
            } else {
                parts.add(Map.entry(
                        r.state() == LifecycleState.END_OF_LIFE
                                ? ConditionReason.END_OF_LIFE
                                : ConditionReason.END_OF_LIFE_SOON,
                        r.warning()));
            }
        }
        List<ConditionReason> rank =
                List.of(ConditionReason.REWRITTEN, ConditionReason.END_OF_LIFE, ConditionReason.END_OF_LIFE_SOON);
        String lifecycle = parts.stream()
                .sorted(Comparator.comparingInt(p -> rank.indexOf(p.getKey())))
                .map(p -> p.getKey().id() + ": " + p.getValue())
                .collect(Collectors.joining(SEPARATOR));
        Optional<String> rewrittenFrom = rewrites
                ? Optional.of(notSupported.stream()
                        .filter(r -> r.rewrittenTo().isPresent())
                        .map(Reference::written)
                        .collect(Collectors.joining(SEPARATOR)))
                : Optional.empty();
        return new Plan(
                lifecycle,
                rewrites,
                rewrittenFrom,
                images.builder()
                        .map(b -> rewrites
                                ? b.rewritten().orElse(b.field().from())
                                : b.field().from()),
                images.dockerfile().map(d -> rewrites ? d.rewritten() : d.text()));
    }

    /** The apply configuration of {@code plan} for {@code live}, whose images were found. */
    public static GenericKubernetesResource configuration(BuildConfig live, Plan plan) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(BuildConfigBuilders.LIFECYCLE_ANNOTATION, plan.lifecycle());
        plan.rewrittenFrom()
                .or(() -> Optional.ofNullable(annotation(live, BuildConfigBuilders.REWRITTEN_FROM_ANNOTATION)))
                .ifPresent(from -> annotations.put(BuildConfigBuilders.REWRITTEN_FROM_ANNOTATION, from));
        Map<String, Object> spec = new LinkedHashMap<>();
        plan.from().ifPresent(from -> {
            BuilderField field = BuildConfigBuilders.builderField(live).orElseThrow();
            Map<String, Object> reference = new LinkedHashMap<>();
            reference.put("kind", from.getKind());
            if (from.getNamespace() != null) {
                reference.put("namespace", from.getNamespace());
            } else if (field.from().getNamespace() != null) {
                // SSA cannot unset a field another manager owns (KEP-5051); OpenShift stores "" as no namespace
                reference.put("namespace", "");
            }
            reference.put("name", from.getName());
            spec.put("strategy", Map.of(field.strategy(), Map.of("from", reference)));
        });
        plan.dockerfile().ifPresent(text -> spec.put("source", Map.of("dockerfile", text)));
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(live.getApiVersion())
                .withKind(live.getKind())
                .withNewMetadata()
                .withName(live.getMetadata().getName())
                .withNamespace(live.getMetadata().getNamespace())
                .withResourceVersion(live.getMetadata().getResourceVersion())
                .withAnnotations(annotations)
                .endMetadata()
                .withAdditionalProperties(Map.of("spec", spec))
                .build();
    }

    private static String annotation(BuildConfig bc, String key) {
        return bc.getMetadata().getAnnotations() == null
                ? null
                : bc.getMetadata().getAnnotations().get(key);
    }
}

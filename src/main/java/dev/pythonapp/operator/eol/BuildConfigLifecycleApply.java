package dev.pythonapp.operator.eol;

import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.openshift.api.model.BuildConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the operator writes into a BuildConfig it does not own, as a Server-Side Apply configuration: the lifecycle
 * annotation and, when rewriting, the builder reference and the rewritten-from annotation. Pure: no cluster calls.
 *
 * <p>An apply configuration holds every field its manager means to keep: a field the manager applied before and
 * leaves out now is deleted. So each apply carries the builder reference (rewritten, or as it is) and an existing
 * rewritten-from annotation, never only the part that changed. The live resourceVersion makes the write fail on a
 * BuildConfig changed since it was read, rather than apply stale values.
 */
public final class BuildConfigLifecycleApply {
    private BuildConfigLifecycleApply() {}

    /** The lifecycle annotation's value and, for a rewrite, the new builder reference. */
    public record Plan(String lifecycle, Optional<ObjectReference> rewriteTo) {
        /** The condition reason the lifecycle stands for (the annotation starts with its id). */
        public ConditionReason reason() {
            return ConditionReason.byId(lifecycle.substring(0, lifecycle.indexOf(':')))
                    .orElseThrow();
        }
    }

    /**
     * The plan for an assessed builder that is not plainly supported: rewrite when asked and possible, otherwise
     * report the lifecycle.
     */
    public static Plan plan(BuildConfigBuilders.Assessment a, boolean rewrite) {
        String builder = a.found().image().name();
        if (rewrite && a.rewritten().isPresent()) {
            ObjectReference to = a.rewritten().get();
            return new Plan(
                    ConditionReason.REWRITTEN.id() + ": " + a.found().describe() + " -> " + to.getKind() + " "
                            + to.getName() + " (" + builder + " end of life " + a.eolDate() + ")",
                    Optional.of(to));
        }
        ConditionReason reported = a.state() == LifecycleState.END_OF_LIFE
                ? ConditionReason.END_OF_LIFE
                : ConditionReason.END_OF_LIFE_SOON;
        return new Plan(
                reported.id() + ": " + BuildConfigBuilders.warning(builder, a.state(), a.eolDate(), a.successor()),
                Optional.empty());
    }

    /** The apply configuration of {@code plan} for {@code live}, whose builder reference was found. */
    public static GenericKubernetesResource configuration(BuildConfig live, Plan plan) {
        BuildConfigBuilders.BuilderField field =
                BuildConfigBuilders.builderField(live).orElseThrow();
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(BuildConfigBuilders.LIFECYCLE_ANNOTATION, plan.lifecycle());
        String rewrittenFrom = plan.rewriteTo().isPresent()
                ? BuildConfigBuilders.describe(field.from())
                : annotation(live, BuildConfigBuilders.REWRITTEN_FROM_ANNOTATION);
        if (rewrittenFrom != null) {
            annotations.put(BuildConfigBuilders.REWRITTEN_FROM_ANNOTATION, rewrittenFrom);
        }
        ObjectReference from = plan.rewriteTo().orElse(field.from());
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("kind", from.getKind());
        if (from.getNamespace() != null) {
            reference.put("namespace", from.getNamespace());
        } else if (field.from().getNamespace() != null) {
            // SSA cannot unset a field another manager owns (KEP-5051); OpenShift stores "" as no namespace
            reference.put("namespace", "");
        }
        reference.put("name", from.getName());
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(live.getApiVersion())
                .withKind(live.getKind())
                .withNewMetadata()
                .withName(live.getMetadata().getName())
                .withNamespace(live.getMetadata().getNamespace())
                .withResourceVersion(live.getMetadata().getResourceVersion())
                .withAnnotations(annotations)
                .endMetadata()
                .withAdditionalProperties(Map.of(
                        "spec", Map.of("strategy", Map.of(field.strategy(), Map.of("from", reference)))))
                .build();
    }

    private static String annotation(BuildConfig bc, String key) {
        return bc.getMetadata().getAnnotations() == null
                ? null
                : bc.getMetadata().getAnnotations().get(key);
    }
}

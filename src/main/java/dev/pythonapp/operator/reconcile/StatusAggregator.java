package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.api.BuildReport;
import dev.pythonapp.operator.api.ImageStatus;
import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.api.PythonAppStatus;
import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import dev.pythonapp.operator.api.Vocabulary.ConditionType;
import dev.pythonapp.operator.api.Vocabulary.EventReason;
import dev.pythonapp.operator.build.BuildPhase;
import dev.pythonapp.operator.build.BuildVerdict;
import dev.pythonapp.operator.eol.BuilderDecision;
import dev.pythonapp.operator.eol.LifecycleAssessment;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place where a PythonApp's status is assembled from what a reconcile found (in the style of Keycloak's status
 * aggregator): the reconciler reports outcomes in the order it meets them, this turns them into conditions, messages
 * and the builder status. Pure, so the outcome-to-status mapping is unit-tested without a cluster.
 */
final class StatusAggregator {
    private final PythonAppStatus previous;
    private final PythonAppStatus next;
    private final long generation;
    private final Instant now;

    StatusAggregator(PythonAppStatus previous, long generation, Instant now) {
        this.previous = previous == null ? new PythonAppStatus() : previous;
        this.generation = generation;
        this.now = now;
        this.next = new PythonAppStatus();
        next.observedGeneration = generation;
        next.builder = this.previous.builder;
        next.runtime = this.previous.runtime;
        next.build = this.previous.build;
        next.image = this.previous.image;
        next.conditions = this.previous.conditions == null ? List.of() : List.copyOf(this.previous.conditions);
    }

    /** No builder can be resolved for the spec: nothing is applied, and no builder is reported. */
    StatusAggregator invalidSpec(ConditionReason reason, String message) {
        set(reason, message);
        set(ConditionReason.NOT_RECONCILED, "the app cannot be built: " + message);
        next.conditions = Conditions.without(next.conditions, ConditionType.BUILDER_SUPPORTED);
        next.builder = null;
        next.runtime = null;
        return this;
    }

    /** The builder decision: BuilderSupported, status.builder and (with spec.runtime) status.runtime. */
    StatusAggregator builderDecided(BuilderDecision decision) {
        set(decision.reason(), decision.message());
        next.builder = imageStatus(
                decision.requested().reference(),
                decision.effective().reference(),
                decision.lifecycle(),
                decision.builderRewritten());
        next.runtime = decision.runtime()
                .map(r ->
                        imageStatus(r.requested().reference(), r.effective().reference(), r.lifecycle(), r.rewritten()))
                .orElse(null);
        return this;
    }

    private static ImageStatus imageStatus(
            String requested, String effective, LifecycleAssessment lifecycle, boolean rewritten) {
        ImageStatus image = new ImageStatus();
        image.image = effective;
        image.requestedImage = requested;
        image.eolDate = lifecycle.eolDate().map(LocalDate::toString).orElse(null);
        image.eolBasis = lifecycle.eolDate().isPresent() ? lifecycle.basis().id() : null;
        image.rewrittenFrom = rewritten ? requested : null;
        return image;
    }

    /** Foreign objects have the names of children (each "Kind name"): their creates were refused. */
    StatusAggregator objectsInTheWay(List<String> objects) {
        boolean one = objects.size() == 1;
        String message = String.join(", ", objects) + " already exist" + (one ? "s" : "") + " and "
                + (one ? "is" : "are") + " not owned by this PythonApp. The operator does not take over objects it "
                + "did not create: delete or rename them, or rename the PythonApp";
        set(ConditionReason.OBJECT_IN_THE_WAY, message);
        set(ConditionReason.NOT_RECONCILED, message);
        return this;
    }

    /** The workflow applied the children. */
    StatusAggregator applied(boolean withRoute) {
        set(
                ConditionReason.APPLIED,
                "ImageStream, BuildConfig, Deployment, Service" + (withRoute ? " and Route" : "")
                        + " are applied for generation " + generation);
        return this;
    }

    /** The builds: status.build and the Built condition. */
    StatusAggregator built(BuildReport report, BuildVerdict verdict) {
        next.build = report;
        set(verdict.reason(), verdict.message());
        return this;
    }

    /**
     * The Deployment's availability (empty when available, otherwise why not), the image it runs, and, when it is
     * not available, the build that explains why: no build has completed yet, or the latest one failed.
     */
    StatusAggregator deployment(
            Optional<String> notAvailableBecause, Optional<String> image, boolean anyBuildCompleted) {
        next.image = image.orElse(null);
        Optional<Condition> built = Conditions.find(next.conditions, ConditionType.BUILT);
        boolean buildFailed = built.filter(c -> "False".equals(c.getStatus())).isPresent();
        if (notAvailableBecause.isEmpty()) {
            set(ConditionReason.AVAILABLE, "the Deployment is available");
        } else if (!anyBuildCompleted && built.isPresent()) {
            set(
                    ConditionReason.AWAITING_FIRST_BUILD,
                    "no build has completed yet, so the Deployment has no image to run: "
                            + built.get().getMessage());
        } else if (buildFailed) {
            set(ConditionReason.LATEST_BUILD_FAILED, built.get().getMessage() + "; " + notAvailableBecause.get());
        } else {
            set(ConditionReason.DEPLOYMENT_NOT_AVAILABLE, notAvailableBecause.get());
        }
        return this;
    }

    /** Applying failed with {@code cause} (already cut to a readable length); the operator retries. */
    StatusAggregator reconcileFailed(String cause) {
        String message = "applying the children failed (the operator retries with back-off): " + cause;
        set(ConditionReason.RECONCILE_ERROR, message);
        set(ConditionReason.NOT_RECONCILED, message);
        return this;
    }

    /** The Event announcing the new builder lifecycle, when BuilderSupported changed and the change is news. */
    Optional<EventReason> builderEvent() {
        Optional<Condition> before = Conditions.find(previous.conditions, ConditionType.BUILDER_SUPPORTED);
        Optional<Condition> after = Conditions.find(next.conditions, ConditionType.BUILDER_SUPPORTED);
        boolean changed = after.isPresent()
                && before.map(b -> !Objects.equals(b.getReason(), after.get().getReason())
                                || !Objects.equals(b.getMessage(), after.get().getMessage()))
                        .orElse(true);
        return changed
                ? after.flatMap(a -> ConditionReason.byId(a.getReason())).flatMap(EventReason::announcing)
                : Optional.empty();
    }

    /** The Event announcing the outcome of a build, once: when the latest build reached a new final phase. */
    Optional<EventReason> buildEvent() {
        if (next.build == null || next.build.name == null) {
            return Optional.empty();
        }
        boolean seen = previous.build != null
                && Objects.equals(previous.build.name, next.build.name)
                && Objects.equals(previous.build.phase, next.build.phase);
        if (seen) {
            return Optional.empty();
        }
        return BuildPhase.byId(next.build.phase).flatMap(phase -> switch (phase) {
            case COMPLETE -> Optional.of(EventReason.BUILD_COMPLETED);
            case FAILED, ERROR -> Optional.of(EventReason.BUILD_FAILED);
            case CANCELLED -> Optional.of(EventReason.BUILD_CANCELLED);
            default -> Optional.empty();
        });
    }

    /** Whether the status differs from the previous one, i.e. needs writing. */
    boolean changed() {
        return !next.equals(previous);
    }

    PythonAppStatus build() {
        return next;
    }

    /**
     * What the status write sends for {@code app}: name, namespace, resourceVersion (the write is refused if the app
     * changed meanwhile, as with the whole object) and the status. JOSDK would apply the whole object, and the API
     * server would parse and merge the spec, labels and annotations on every status write only to discard them.
     */
    PythonApp statusPatch(PythonApp app) {
        PythonApp patch = new PythonApp();
        patch.setMetadata(new ObjectMetaBuilder()
                .withName(app.getMetadata().getName())
                .withNamespace(app.getMetadata().getNamespace())
                .withResourceVersion(app.getMetadata().getResourceVersion())
                .build());
        patch.setStatus(next);
        return patch;
    }

    private void set(ConditionReason reason, String message) {
        next.conditions = Conditions.with(next.conditions, reason, message, generation, now);
    }
}

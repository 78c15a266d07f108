package dev.pythonapp.operator.eol;

import dev.pythonapp.operator.api.EolPolicy;
import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import dev.pythonapp.operator.catalog.BuilderImage;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the operator does about the images of a PythonApp, and why: the action, the requested builder, the builder it
 * builds with, the lifecycle of the requested one, the policy applied, the message of the BuilderSupported condition
 * and, with spec.runtime, the same for the run-time image. The action is about both images together: they move to
 * successors together and builds pause when either is end of life. Made only through the named factories, so an
 * action always comes with the images it implies.
 */
public record BuilderDecision(
        Action action,
        BuilderChoice requested,
        BuilderChoice effective,
        LifecycleAssessment lifecycle,
        EolPolicy policy,
        String message,
        Optional<RuntimeImage> runtime) {

    /** What happens to builds. */
    public enum Action {
        /** Build with the requested builder (supported, soon end of life, unknown, or kept under Warn). */
        BUILD,
        /** Build with the supported successor of the end-of-life requested builder (policy Rewrite). */
        BUILD_SUCCESSOR,
        /** Keep the end-of-life builder in the BuildConfig but pause new builds (policy Block). */
        PAUSE
    }

    /**
     * The run-time image of an app with spec.runtime: the requested one, the one the app runs on, and the lifecycle of
     * the requested one. Both are catalog images with the builder's OS and Python version.
     */
    public record RuntimeImage(BuilderChoice requested, BuilderChoice effective, LifecycleAssessment lifecycle) {
        public BuilderImage requestedImage() {
            return requested.image().orElseThrow();
        }

        public boolean rewritten() {
            return !requested.reference().equals(effective.reference());
        }
    }

    /** A builder reference, and the catalog image behind it if the catalog knows it. */
    public record BuilderChoice(String reference, Optional<BuilderImage> image) {
        static BuilderChoice known(String reference, BuilderImage image) {
            return new BuilderChoice(reference, Optional.of(image));
        }
    }

    /** Build with the catalog image {@code image}, requested as {@code reference}. */
    static BuilderDecision build(
            String reference, BuilderImage image, LifecycleAssessment lifecycle, EolPolicy policy, String message) {
        BuilderChoice requested = BuilderChoice.known(reference, image);
        return new BuilderDecision(Action.BUILD, requested, requested, lifecycle, policy, message, Optional.empty());
    }

    /** Build with the lifecycle's successor of {@code image}, referenced as {@code successorReference}. */
    static BuilderDecision buildSuccessor(
            String reference,
            BuilderImage image,
            String successorReference,
            LifecycleAssessment lifecycle,
            String message) {
        BuilderImage successor = lifecycle.successor().orElseThrow();
        return new BuilderDecision(
                Action.BUILD_SUCCESSOR,
                BuilderChoice.known(reference, image),
                BuilderChoice.known(successorReference, successor),
                lifecycle,
                EolPolicy.Rewrite,
                message,
                Optional.empty());
    }

    /** Keep {@code image} and pause builds. */
    static BuilderDecision pause(String reference, BuilderImage image, LifecycleAssessment lifecycle, String message) {
        BuilderChoice requested = BuilderChoice.known(reference, image);
        return new BuilderDecision(
                Action.PAUSE, requested, requested, lifecycle, EolPolicy.Block, message, Optional.empty());
    }

    /** Build with an image the catalog does not know, as it is. */
    static BuilderDecision notInCatalog(String reference, EolBasis basis, EolPolicy policy) {
        BuilderChoice requested = new BuilderChoice(reference, Optional.empty());
        return new BuilderDecision(
                Action.BUILD,
                requested,
                requested,
                LifecycleAssessment.unknown(basis),
                policy,
                "builder " + reference + " is not in the builder catalog, so its end of life is unknown",
                Optional.empty());
    }

    /**
     * Builder and run-time image decided together ({@link RuntimePolicy}): {@code builder} and {@code runtime} are
     * the images used, {@code requested} and {@code lifecycle} the requested builder and its lifecycle.
     */
    static BuilderDecision withRuntime(
            Action action,
            BuilderChoice requested,
            LifecycleAssessment lifecycle,
            BuilderChoice builder,
            RuntimeImage runtime,
            EolPolicy policy,
            String message) {
        return new BuilderDecision(action, requested, builder, lifecycle, policy, message, Optional.of(runtime));
    }

    /** The reason of the BuilderSupported condition: about both images when the app has a run-time image. */
    public ConditionReason reason() {
        return switch (action) {
            case BUILD_SUCCESSOR -> ConditionReason.REWRITTEN;
            case PAUSE -> ConditionReason.END_OF_LIFE;
            case BUILD ->
                switch (worstState()) {
                    case SUPPORTED -> ConditionReason.SUPPORTED;
                    case END_OF_LIFE_SOON -> ConditionReason.END_OF_LIFE_SOON;
                    case END_OF_LIFE -> ConditionReason.END_OF_LIFE;
                    case UNKNOWN -> ConditionReason.NOT_IN_CATALOG;
                };
        };
    }

    /** Whether the BuilderSupported condition is True. */
    public boolean supported() {
        return reason().isTrue();
    }

    /** The requested builder's lifecycle state. */
    public LifecycleState state() {
        return lifecycle.state();
    }

    /** The lifecycle state of the requested builder, or of the requested run-time image when that one is worse. */
    public LifecycleState worstState() {
        return runtime.map(r ->
                        LifecycleState.worse(lifecycle.state(), r.lifecycle().state()))
                .orElse(lifecycle.state());
    }

    /** Whether the builder used is the successor of the requested one (not only the run-time image moved). */
    public boolean builderRewritten() {
        return action == Action.BUILD_SUCCESSOR && !requested.reference().equals(effective.reference());
    }

    public Optional<LocalDate> eolDate() {
        return lifecycle.eolDate();
    }

    public Optional<BuilderImage> successor() {
        return lifecycle.successor();
    }

    /** Python version label for the runtime-version label: the effective image's, else the spec's. */
    public String runtimeVersion(String specVersion) {
        return effective.image().map(BuilderImage::python).orElse(specVersion);
    }
}

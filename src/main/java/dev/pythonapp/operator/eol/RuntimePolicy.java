package dev.pythonapp.operator.eol;

import dev.pythonapp.operator.api.EolPolicy;
import dev.pythonapp.operator.api.ImageVariant;
import dev.pythonapp.operator.api.PythonAppSpec;
import dev.pythonapp.operator.api.RuntimeSpec;
import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import dev.pythonapp.operator.catalog.BuilderCatalog;
import dev.pythonapp.operator.catalog.BuilderCatalog.Resolution;
import dev.pythonapp.operator.catalog.BuilderImage;
import dev.pythonapp.operator.eol.BuilderDecision.Action;
import dev.pythonapp.operator.eol.BuilderDecision.BuilderChoice;
import dev.pythonapp.operator.eol.BuilderDecision.RuntimeImage;
import dev.pythonapp.operator.eol.BuilderPolicy.Outcome;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Decides the run-time image of an app with spec.runtime together with its builder, and refuses the two-stage build
 * (spec.runtime, spec.build.packages) where it cannot work. The virtualenv that the builder's S2I assemble creates in
 * {@code /opt/app-root} points at the builder's interpreter, so the run-time image must have the builder's OS and
 * Python version: the builder must be a catalog image (else neither is known), the run-time image is the catalog
 * image of that OS and Python in the requested variant, and an explicit one must match. The pair stays matched
 * through end of life: under Rewrite both move to successors of one OS and Python version, never one alone; under
 * Block builds pause when either is end of life. Pure.
 */
final class RuntimePolicy {
    private final BuilderPolicy builders;
    private final Lifecycle lifecycle;
    private final BuilderCatalog catalog;

    RuntimePolicy(BuilderPolicy builders) {
        this.builders = builders;
        this.lifecycle = builders.lifecycle();
        this.catalog = lifecycle.catalog();
    }

    /** A builder and a run-time image with one OS and Python version. */
    private record ImagePair(BuilderImage builder, BuilderImage runtime) {}

    /** The decision for an app whose spec asks for the two-stage build, given its builder decision. */
    Outcome decide(BuilderDecision builder, PythonAppSpec spec, EolPolicy policy, LocalDate today) {
        Optional<BuilderImage> builderImage = builder.requested().image();
        if (builderImage.isEmpty()) {
            return invalid((spec.runtime != null ? "spec.runtime" : "spec.build.packages")
                    + " needs a builder image the catalog knows: builder.image "
                    + builder.requested().reference()
                    + " is not in the builder catalog, so the operator knows neither its OS and Python version (which"
                    + " the run-time image must share) nor its package manager. Use builder.os and builder.variant, or"
                    + " a catalog image as builder.image");
        }
        if (spec.runtime == null) {
            return new Outcome.Decided(builder); // build packages only: the app runs on the builder image
        }
        BuilderImage assembling = builderImage.get();
        return requestedRuntime(builder.requested().reference(), assembling, spec.runtime, today)
                .map(runtime -> decideTogether(builder, assembling, runtime, policy, today));
    }

    /** The run-time image the spec asks for, or why it cannot be used; {@code builderReference} names the builder. */
    private Requested requestedRuntime(
            String builderReference, BuilderImage builder, RuntimeSpec runtime, LocalDate today) {
        if (runtime.image != null) {
            Optional<BuilderImage> known = catalog.findByReference(runtime.image);
            if (known.isEmpty()) {
                return Requested.refused("runtime.image " + runtime.image + " is not in the builder catalog, so the "
                        + "operator cannot check that it has the OS and Python version of builder " + builder.name()
                        + " (Python " + builder.python() + " on " + builder.os() + "). Use runtime.variant, or a "
                        + "catalog image of that OS and version");
            }
            if (!sameInterpreter(builder, known.get())) {
                return Requested.refused("runtime.image " + known.get().name() + " is Python "
                        + known.get().python() + " on " + known.get().os() + ", but builder " + builder.name()
                        + " is Python " + builder.python() + " on " + builder.os() + ": the virtualenv copied from "
                        + "the builder points at the builder's interpreter, so the run-time image needs the same OS "
                        + "and Python version (use runtime.variant to get it)");
            }
            return Requested.image(BuilderChoice.known(runtime.image, known.get()));
        }
        ImageVariant variant = runtime.variant == null ? ImageVariant.MINIMAL : runtime.variant.variant;
        Resolution resolution =
                catalog.resolve(builder.python(), builder.os(), variant, image -> lifecycle.supported(image, today));
        if (resolution instanceof Resolution.Unresolvable u) {
            return Requested.refused("no run-time image with the builder's OS and Python version: " + u.message());
        }
        BuilderImage image = ((Resolution.Resolved) resolution).image();
        // from the builder's registry when the catalog has the image there, as a successor would be
        return Requested.image(BuilderChoice.known(BuilderPolicy.successorReference(builderReference, image), image));
    }

    private BuilderDecision decideTogether(
            BuilderDecision builder,
            BuilderImage builderImage,
            BuilderChoice requestedRuntime,
            EolPolicy policy,
            LocalDate today) {
        BuilderImage runtimeImage = requestedRuntime.image().orElseThrow();
        LifecycleAssessment runtimeAssessment = lifecycle.assess(runtimeImage, today);
        LifecycleState state = LifecycleState.worse(builder.state(), runtimeAssessment.state());
        String what = builders.lifecycleClause("builder", builderImage, builder.state(), today) + "; "
                + builders.lifecycleClause("runtime", runtimeImage, runtimeAssessment.state(), today);
        Optional<ImagePair> successors =
                state == LifecycleState.SUPPORTED ? Optional.empty() : successors(builderImage, runtimeImage, today);
        // each image's successor is its half of the pair, so warnings and messages name images that fit together
        LifecycleAssessment builderLifecycle = withSuccessor(builder.lifecycle(), successors.map(ImagePair::builder));
        LifecycleAssessment runtimeLifecycle = withSuccessor(runtimeAssessment, successors.map(ImagePair::runtime));
        RuntimeImage requested = new RuntimeImage(requestedRuntime, requestedRuntime, runtimeLifecycle);
        // both requested images stay: supported, Warn, Block, or no pair to move to
        BiFunction<Action, String, BuilderDecision> keep = (action, message) -> BuilderDecision.withRuntime(
                action,
                builder.requested(),
                builderLifecycle,
                builder.requested(),
                requested,
                action == Action.PAUSE ? EolPolicy.Block : policy,
                what + message);
        if (state != LifecycleState.END_OF_LIFE) {
            return keep.apply(
                    Action.BUILD,
                    state == LifecycleState.SUPPORTED
                            ? ""
                            : successors
                                    .map(p -> "; successors: " + p.builder().name() + " and "
                                            + p.runtime().name())
                                    .orElse("; no supported successor pair in the catalog"));
        }
        String successorText = successors
                .map(p -> "; successors: " + p.builder().name() + " and "
                        + p.runtime().name() + " (set spec.pythonVersion to "
                        + p.builder().python() + ")")
                .orElse("; no supported builder and runtime pair with one OS and Python version in the catalog");
        if (policy == EolPolicy.Rewrite && successors.isPresent()) {
            ImagePair pair = successors.get();
            BuilderChoice nextBuilder = successorChoice(builder.requested(), pair.builder());
            BuilderChoice nextRuntime = successorChoice(requestedRuntime, pair.runtime());
            return BuilderDecision.withRuntime(
                    Action.BUILD_SUCCESSOR,
                    builder.requested(),
                    builderLifecycle,
                    nextBuilder,
                    new RuntimeImage(requestedRuntime, nextRuntime, runtimeLifecycle),
                    EolPolicy.Rewrite,
                    what + "; building with successor " + pair.builder().name() + " (" + nextBuilder.reference()
                            + ") and running on " + pair.runtime().name() + " (" + nextRuntime.reference()
                            + ") under policy Rewrite, one OS and Python version for both. Set spec.pythonVersion to "
                            + pair.builder().python() + " to make this explicit");
        }
        if (policy == EolPolicy.Block) {
            return keep.apply(
                    Action.PAUSE,
                    "; new builds are blocked (BuildConfig paused) under policy Block, the running Deployment is "
                            + "left alone" + successorText);
        }
        return keep.apply(Action.BUILD, "; still building with them under policy " + policy + successorText);
    }

    private static LifecycleAssessment withSuccessor(LifecycleAssessment assessment, Optional<BuilderImage> next) {
        return new LifecycleAssessment(assessment.state(), assessment.eolDate(), assessment.basis(), next);
    }

    /**
     * Supported successors with one OS and Python version: the builder's successor and the image of its OS and Python
     * in the run-time variant; else the run-time image's successor and the image of its OS and Python in the
     * builder's variant. Each image's own successor rule alone could part them (sclorg/python-312-c9s is succeeded by
     * python-313-c10s, its minimal variant by python-314-minimal-c10s).
     */
    private Optional<ImagePair> successors(BuilderImage builder, BuilderImage runtime, LocalDate today) {
        return lifecycle
                .successor(builder, today)
                .flatMap(next -> sibling(next, runtime.variant(), today).map(r -> new ImagePair(next, r)))
                .or(() -> lifecycle
                        .successor(runtime, today)
                        .flatMap(next -> sibling(next, builder.variant(), today).map(b -> new ImagePair(b, next))));
    }

    /** The supported catalog image of {@code image}'s OS and Python version in {@code variant}. */
    private Optional<BuilderImage> sibling(BuilderImage image, ImageVariant variant, LocalDate today) {
        if (image.isVariant(variant)) {
            return Optional.of(image);
        }
        return Optional.of(catalog.resolve(image.python(), image.os(), variant, i -> true))
                .filter(Resolution.Resolved.class::isInstance)
                .map(r -> ((Resolution.Resolved) r).image())
                .filter(i -> lifecycle.supported(i, today));
    }

    /** The successor referenced in the form of {@code requested} (the requested one itself when it stays). */
    private static BuilderChoice successorChoice(BuilderChoice requested, BuilderImage successor) {
        if (requested.image().filter(successor::equals).isPresent()) {
            return requested;
        }
        return BuilderChoice.known(BuilderPolicy.successorReference(requested.reference(), successor), successor);
    }

    private static boolean sameInterpreter(BuilderImage builder, BuilderImage runtime) {
        return builder.os() == runtime.os() && builder.python().equals(runtime.python());
    }

    private static Outcome invalid(String message) {
        return new Outcome.Invalid(ConditionReason.INVALID_RUNTIME, message);
    }

    /** The requested run-time image, or the message why it is refused. */
    private record Requested(Optional<BuilderChoice> image, String refusal) {
        static Requested image(BuilderChoice image) {
            return new Requested(Optional.of(image), null);
        }

        static Requested refused(String message) {
            return new Requested(Optional.empty(), message);
        }

        Outcome map(Function<BuilderChoice, BuilderDecision> decide) {
            return image.<Outcome>map(i -> new Outcome.Decided(decide.apply(i))).orElseGet(() -> invalid(refusal));
        }
    }
}

package dev.pythonapp.operator.eol;

import dev.pythonapp.operator.api.BuildStages;
import dev.pythonapp.operator.api.BuilderSpec;
import dev.pythonapp.operator.api.EolPolicy;
import dev.pythonapp.operator.api.ImageVariant;
import dev.pythonapp.operator.api.OsFamily;
import dev.pythonapp.operator.api.PythonAppSpec;
import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import dev.pythonapp.operator.catalog.BuilderCatalog.Resolution;
import dev.pythonapp.operator.catalog.BuilderImage;
import dev.pythonapp.operator.catalog.ImageReference;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Decides the builder of a PythonApp: resolves the requested builder from the catalog, assesses its lifecycle and
 * applies the end-of-life policy; with spec.runtime or spec.build.packages, {@link RuntimePolicy} then decides the
 * run-time image together with it. Pure: no cluster calls, the day is a parameter.
 */
public final class BuilderPolicy {
    private final Lifecycle lifecycle;
    private final EolPolicy defaultPolicy;
    private final RuntimePolicy runtimes;

    public BuilderPolicy(Lifecycle lifecycle, EolPolicy defaultPolicy) {
        this.lifecycle = lifecycle;
        this.defaultPolicy = defaultPolicy;
        this.runtimes = new RuntimePolicy(this);
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /** Either a decision, or the reason and message why no builder can be resolved. */
    public sealed interface Outcome {
        record Decided(BuilderDecision decision) implements Outcome {}

        record Invalid(ConditionReason reason, String message) implements Outcome {}
    }

    public Outcome decide(PythonAppSpec spec, LocalDate today) {
        EolPolicy policy = spec.eolPolicy != null ? spec.eolPolicy : defaultPolicy;
        Outcome builder = decideBuilder(spec, policy, today);
        if (builder instanceof Outcome.Decided decided && BuildStages.twoStage(spec)) {
            return runtimes.decide(decided.decision(), spec, policy, today);
        }
        return builder;
    }

    private Outcome decideBuilder(PythonAppSpec spec, EolPolicy policy, LocalDate today) {
        BuilderSpec builder = spec.builder;
        if (builder != null && builder.image != null) {
            Optional<BuilderImage> known = lifecycle.catalog().findByReference(builder.image);
            return new Outcome.Decided(known.map(image -> apply(builder.image, image, policy, today))
                    .orElseGet(() -> BuilderDecision.notInCatalog(builder.image, lifecycle.basis(), policy)));
        }
        OsFamily os = builder == null || builder.os == null ? null : builder.os.family;
        ImageVariant variant = builder == null || builder.variant == null ? null : builder.variant.variant;
        Resolution resolution = lifecycle
                .catalog()
                .resolve(spec.pythonVersion, os, variant, image -> lifecycle.supported(image, today));
        if (resolution instanceof Resolution.Unresolvable u) {
            return new Outcome.Invalid(u.reason(), u.message());
        }
        BuilderImage image = ((Resolution.Resolved) resolution).image();
        return new Outcome.Decided(apply(image.reference(), image, policy, today));
    }

    /** Lifecycle and policy for a known image referenced as {@code reference}. */
    public BuilderDecision apply(String reference, BuilderImage image, EolPolicy policy, LocalDate today) {
        LifecycleAssessment assessment = lifecycle.assess(image, today);
        String what = lifecycleClause("builder", image, assessment.state(), today);
        return switch (assessment.state()) {
            case SUPPORTED -> BuilderDecision.build(reference, image, assessment, policy, what);
            case END_OF_LIFE_SOON ->
                BuilderDecision.build(
                        reference,
                        image,
                        assessment,
                        policy,
                        what
                                + assessment
                                        .successor()
                                        .map(s -> "; successor: " + s.name())
                                        .orElse("; no supported successor in the catalog"));
            case END_OF_LIFE, UNKNOWN -> endOfLife(reference, image, policy, assessment, what);
        };
    }

    /**
     * What the lifecycle of {@code image} is on {@code today}, for condition messages, e.g. "builder ubi9/python-312
     * reaches end of life on 2027-04-30 (vendor basis, vendor date, in 60 days)"; {@code role} names the image's job.
     */
    String lifecycleClause(String role, BuilderImage image, LifecycleState state, LocalDate today) {
        LocalDate eol = lifecycle.eolDate(image);
        String basisText = lifecycle.basis().id() + " basis, " + lifecycle.eolDateKind(image) + " date";
        String subject = role + " " + image.name();
        return switch (state) {
            case SUPPORTED -> subject + " is supported until " + eol + " (" + basisText + ")";
            case END_OF_LIFE_SOON ->
                subject + " reaches end of life on " + eol + " (" + basisText + ", in "
                        + lifecycle.daysUntilEol(image, today) + " days)";
            case END_OF_LIFE, UNKNOWN -> subject + " reached end of life on " + eol + " (" + basisText + ")";
        };
    }

    private BuilderDecision endOfLife(
            String reference, BuilderImage image, EolPolicy policy, LifecycleAssessment assessment, String what) {
        Optional<BuilderImage> successor = assessment.successor();
        if (policy == EolPolicy.Rewrite && successor.isPresent()) {
            BuilderImage next = successor.get();
            String nextRef = successorReference(reference, next);
            return BuilderDecision.buildSuccessor(
                    reference,
                    image,
                    nextRef,
                    assessment,
                    what + "; building with successor " + next.name() + " (" + nextRef
                            + ") under policy Rewrite. Set spec.pythonVersion to " + next.python()
                            + " to make this explicit");
        }
        String successorText = successor
                .map(s -> "; successor: " + s.name() + " (set spec.pythonVersion to " + s.python() + ")")
                .orElse("; no supported successor in the catalog");
        return switch (policy) {
            case Block ->
                BuilderDecision.pause(
                        reference,
                        image,
                        assessment,
                        what + "; new builds are blocked (BuildConfig paused) under policy "
                                + "Block, the running Deployment is left alone" + successorText);
            case Warn, Rewrite ->
                BuilderDecision.build(
                        reference,
                        image,
                        assessment,
                        policy,
                        what + "; still building with it under policy " + policy + successorText);
        };
    }

    /**
     * The successor referenced in the same form as the original: same registry when the successor is known there,
     * tag {@code latest} (an old tag or digest names an image of the old builder).
     */
    public static String successorReference(String originalReference, BuilderImage successor) {
        ImageReference original = ImageReference.parse(originalReference);
        String sameRegistry = successor.pullSpecs().stream()
                .filter(a -> ImageReference.parse(a).registry().equals(original.registry()))
                .findFirst()
                .orElse(successor.image());
        return ImageReference.withTag(ImageReference.parse(sameRegistry).repositoryPath(), "latest");
    }
}

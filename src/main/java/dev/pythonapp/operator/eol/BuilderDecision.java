package dev.pythonapp.operator.eol;

import dev.pythonapp.operator.api.EolPolicy;
import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import dev.pythonapp.operator.catalog.BuilderImage;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the operator builds with, and why: the requested builder, its lifecycle, the policy applied and the builder
 * reference the BuildConfig gets.
 *
 * @param requestedReference the builder the spec asks for (catalog pull spec or the explicit image)
 * @param requested          the catalog entry behind it, if the catalog knows it
 * @param effectiveReference the builder reference to build with
 * @param effective          the catalog entry behind the effective reference, if known
 * @param rewritten          true when the effective builder is the successor of an end-of-life one
 * @param pauseBuilds        true under the Block policy for an end-of-life builder
 */
public record BuilderDecision(
        String requestedReference,
        Optional<BuilderImage> requested,
        String effectiveReference,
        Optional<BuilderImage> effective,
        LifecycleState state,
        Optional<LocalDate> eolDate,
        EolBasis basis,
        EolPolicy policy,
        Optional<BuilderImage> successor,
        boolean rewritten,
        boolean pauseBuilds,
        ConditionReason reason,
        String message) {

    /** Python version label for the runtime-version label: the effective image's, else the spec's. */
    public String runtimeVersion(String specVersion) {
        return effective.map(BuilderImage::python).orElse(specVersion);
    }

    /** Whether the BuilderSupported condition is True. */
    public boolean supported() {
        return reason.status();
    }
}

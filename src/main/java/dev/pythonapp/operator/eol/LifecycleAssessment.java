package dev.pythonapp.operator.eol;

import dev.pythonapp.operator.catalog.BuilderImage;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a builder stands on a day: its state, its end-of-life date under the basis (empty when the catalog does not
 * know the builder) and, unless it is plainly supported, its supported successor.
 */
public record LifecycleAssessment(
        LifecycleState state, Optional<LocalDate> eolDate, EolBasis basis, Optional<BuilderImage> successor) {

    /** A builder the catalog does not know: no dates, no successor. */
    public static LifecycleAssessment unknown(EolBasis basis) {
        return new LifecycleAssessment(LifecycleState.UNKNOWN, Optional.empty(), basis, Optional.empty());
    }
}

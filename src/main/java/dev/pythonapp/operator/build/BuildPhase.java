package dev.pythonapp.operator.build;

import dev.pythonapp.operator.api.WireName;
import io.fabric8.openshift.api.model.Build;
import java.util.Optional;

/** The phases of a build/v1 Build, in lifecycle order (the label values of the builds metric). */
public enum BuildPhase implements WireName.PascalCase {
    NEW,
    PENDING,
    RUNNING,
    COMPLETE,
    FAILED,
    ERROR,
    CANCELLED;

    /** Whether a build in this phase has not finished yet. */
    public boolean unfinished() {
        return compareTo(RUNNING) <= 0;
    }

    public static Optional<BuildPhase> byId(String id) {
        return WireName.byId(BuildPhase.class, id);
    }

    /** The phase of {@code build}; one without a phase yet (or with one build/v1 does not define) is New. */
    public static BuildPhase of(Build build) {
        return byId(Builds.phase(build)).orElse(NEW);
    }
}

package dev.pythonapp.operator.api;

import java.util.List;

/**
 * Which build an app asks for: the plain S2I build, or the two-stage build (assemble in the builder image, run on the
 * run-time image) that spec.runtime and spec.build.packages need.
 */
public final class BuildStages {
    private BuildStages() {}

    /** Whether the app builds in two stages: it has a run-time image or build packages. */
    public static boolean twoStage(PythonAppSpec spec) {
        return spec.runtime != null || !buildPackages(spec).isEmpty();
    }

    /** spec.build.packages, empty when unset. */
    public static List<String> buildPackages(PythonAppSpec spec) {
        return spec.build == null || spec.build.packages == null ? List.of() : spec.build.packages;
    }

    /** spec.runtime.packages, empty when unset. */
    public static List<String> runtimePackages(PythonAppSpec spec) {
        return spec.runtime == null || spec.runtime.packages == null ? List.of() : spec.runtime.packages;
    }
}

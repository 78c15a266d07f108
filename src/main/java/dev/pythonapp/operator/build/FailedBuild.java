package dev.pythonapp.operator.build;

import java.util.Objects;

/**
 * What an explanation needs of a finished, unsuccessful OpenShift Build and of the builder image it used.
 *
 * @param name the Build's name, e.g. {@code myapp-3}
 * @param phase status.phase: {@link #FAILED}, {@link #ERROR} or {@link #CANCELLED}
 * @param reason status.reason (openshift/api build/v1 consts.go), may be null
 * @param message status.message, may be null
 * @param logSnippet status.logSnippet, the last lines of the failed container's log, may be null
 * @param builderImage the builder image the build used, may be null
 * @param builderLifecycle a clause on that image's end of life, e.g. "which is end of life since 2025-11-30"; null
 *     or empty when the image is supported
 */
public record FailedBuild(
        String name,
        String phase,
        String reason,
        String message,
        String logSnippet,
        String builderImage,
        String builderLifecycle) {
    public static final String FAILED = "Failed";
    /** The build system, not the build's own steps, failed (e.g. the build pod was deleted). */
    public static final String ERROR = "Error";

    public static final String CANCELLED = "Cancelled";

    public FailedBuild {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phase, "phase");
    }
}

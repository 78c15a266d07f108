package dev.pythonapp.operator.build;

import dev.pythonapp.operator.api.BuildReport.BuildRequestReport;
import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import io.fabric8.openshift.api.model.Build;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Built condition: where the latest build for the current build inputs stands. A build counts for the current
 * inputs when it is newer than every build that existed when the operator last requested one (whoever started it:
 * the request, a webhook, {@code oc start-build}); before any request, the latest build counts.
 */
public record BuildVerdict(ConditionReason reason, String message) {
    /** {@link BuildRequestReport#outcome} when OpenShift created a Build. */
    public static final String REQUESTED = "Requested";
    /** {@link BuildRequestReport#outcome} when the API server does not serve buildconfigs/instantiate. */
    public static final String NOT_SERVED = "NotServed";

    /**
     * @param pausedBecause why builds are paused (eolPolicy Block), if they are
     * @param builds the app's Builds
     * @param request the operator's latest build request, or null
     * @param explainFailure the Built message of a failed, errored or cancelled build
     */
    public static BuildVerdict of(
            Optional<String> pausedBecause,
            String buildConfig,
            Collection<Build> builds,
            BuildRequestReport request,
            Function<Build, String> explainFailure) {
        if (pausedBecause.isPresent()) {
            return new BuildVerdict(ConditionReason.BUILDS_PAUSED, "builds are paused: " + pausedBecause.get());
        }
        long after = request == null || request.afterNumber == null ? -1 : request.afterNumber;
        Optional<Build> current = Builds.latest(builds).filter(b -> Builds.number(b) > after);
        if (current.isPresent()) {
            return ofBuild(current.get(), explainFailure);
        }
        if (request != null && NOT_SERVED.equals(request.outcome)) {
            return new BuildVerdict(
                    ConditionReason.INSTANTIATE_NOT_SERVED,
                    "the build inputs changed (" + request.triggeredBy + ") but this cluster does not serve "
                            + "buildconfigs/instantiate, so no build could be requested: on OpenShift, check that "
                            + "the build API is enabled; start one with `oc start-build " + buildConfig + "`");
        }
        if (request != null) {
            return new BuildVerdict(
                    ConditionReason.AWAITING_BUILD,
                    "a build was requested (" + request.triggeredBy + ")"
                            + (request.build == null ? "" : ": waiting for " + request.build));
        }
        return new BuildVerdict(
                ConditionReason.AWAITING_BUILD,
                "waiting for the first build of BuildConfig " + buildConfig
                        + " (its ConfigChange trigger starts it when the BuildConfig is created)");
    }

    private static BuildVerdict ofBuild(Build build, Function<Build, String> explainFailure) {
        String name = build.getMetadata().getName();
        return switch (BuildPhase.of(build)) {
            case COMPLETE -> new BuildVerdict(ConditionReason.BUILD_COMPLETE, completed(build));
            case FAILED -> new BuildVerdict(ConditionReason.BUILD_FAILED, explainFailure.apply(build));
            case ERROR -> new BuildVerdict(ConditionReason.BUILD_ERROR, explainFailure.apply(build));
            case CANCELLED -> new BuildVerdict(ConditionReason.BUILD_CANCELLED, explainFailure.apply(build));
            default ->
                new BuildVerdict(
                        ConditionReason.BUILDING,
                        "build " + name + " is " + Builds.phase(build).toLowerCase(Locale.ROOT));
        };
    }

    private static String completed(Build build) {
        var report = Builds.report(build, null);
        StringBuilder message = new StringBuilder("build " + report.name + " completed");
        if (report.commit != null) {
            message.append(" from commit ").append(report.commit, 0, Math.min(12, report.commit.length()));
        }
        if (report.outputDigest != null) {
            message.append(", image ").append(report.outputDigest);
        }
        return message.toString();
    }

    /** Whether any of the builds completed, i.e. the app has had an image to run. */
    public static boolean anyCompleted(Collection<Build> builds) {
        return builds.stream().anyMatch(Builds::complete);
    }
}

package dev.pythonapp.operator.build;

import dev.pythonapp.operator.api.BuildReport;
import io.fabric8.openshift.api.model.Build;
import io.fabric8.openshift.api.model.BuildStatus;
import io.fabric8.openshift.api.model.BuildTriggerCause;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reading OpenShift Build objects: which is the latest, where it stands, and what status.build says about it. */
public final class Builds {
    /** Set by OpenShift's build controller on every Build of a BuildConfig. */
    public static final String NUMBER_ANNOTATION = "openshift.io/build.number";

    private Builds() {}

    /** The build number: the annotation, else the suffix of the name {@code <bc>-<n>}; 0 when neither parses. */
    public static long number(Build build) {
        String annotated = build.getMetadata().getAnnotations() == null
                ? null
                : build.getMetadata().getAnnotations().get(NUMBER_ANNOTATION);
        String name = build.getMetadata().getName();
        for (String candidate : new String[] {annotated, name.substring(name.lastIndexOf('-') + 1)}) {
            if (candidate != null && candidate.matches("[0-9]{1,18}")) {
                return Long.parseLong(candidate);
            }
        }
        return 0;
    }

    public static Optional<Build> latest(Collection<Build> builds) {
        return builds.stream().max(Comparator.comparingLong(Builds::number));
    }

    /** The phase as the Build reports it; New when it has none yet. */
    public static String phase(Build build) {
        return build.getStatus() == null || build.getStatus().getPhase() == null
                ? BuildPhase.NEW.id()
                : build.getStatus().getPhase();
    }

    public static boolean running(Build build) {
        return BuildPhase.of(build).unfinished();
    }

    public static boolean complete(Build build) {
        return BuildPhase.of(build) == BuildPhase.COMPLETE;
    }

    /** status.build for {@code build}, keeping what the operator itself recorded (inputs, request, webhooks). */
    public static BuildReport report(Build build, BuildReport previous) {
        BuildReport report = new BuildReport();
        BuildStatus status = build.getStatus() == null ? new BuildStatus() : build.getStatus();
        report.name = build.getMetadata().getName();
        report.number = number(build);
        report.phase = phase(build);
        report.reason = blankToNull(status.getReason());
        report.message = blankToNull(status.getMessage());
        report.triggeredBy = triggeredBy(build);
        report.commit = build.getSpec() != null
                        && build.getSpec().getRevision() != null
                        && build.getSpec().getRevision().getGit() != null
                ? blankToNull(build.getSpec().getRevision().getGit().getCommit())
                : null;
        report.outputImage = blankToNull(status.getOutputDockerImageReference());
        report.outputDigest = status.getOutput() != null && status.getOutput().getTo() != null
                ? blankToNull(status.getOutput().getTo().getImageDigest())
                : null;
        report.startTime = blankToNull(status.getStartTimestamp());
        report.completionTime = blankToNull(status.getCompletionTimestamp());
        report.duration = status.getDuration() == null || status.getCompletionTimestamp() == null
                ? null
                : humanDuration(Duration.ofNanos(status.getDuration()));
        keepOperatorFields(report, previous);
        return report;
    }

    /** The operator's own fields of status.build when there is no build to report. */
    public static BuildReport withoutBuild(BuildReport previous) {
        BuildReport report = new BuildReport();
        keepOperatorFields(report, previous);
        return report;
    }

    private static void keepOperatorFields(BuildReport report, BuildReport previous) {
        if (previous != null) {
            report.inputs = previous.inputs;
            report.request = previous.request;
            report.webhooks = previous.webhooks;
        }
    }

    /** Go's time.Duration form without fractions, as {@code oc} shows build durations: 45s, 1m23s, 1h2m0s. */
    static String humanDuration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + seconds % 60 + "s";
        }
        return seconds / 3600 + "h" + seconds % 3600 / 60 + "m" + seconds % 60 + "s";
    }

    private static String triggeredBy(Build build) {
        if (build.getSpec() == null || build.getSpec().getTriggeredBy() == null) {
            return null;
        }
        String joined = build.getSpec().getTriggeredBy().stream()
                .map(BuildTriggerCause::getMessage)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("; "));
        return blankToNull(joined);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.api.BuildReport;
import dev.pythonapp.operator.api.BuildReport.BuildRequestReport;
import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.api.Vocabulary.EventReason;
import dev.pythonapp.operator.build.BuildFailureExplanation;
import dev.pythonapp.operator.build.BuildFailureHints;
import dev.pythonapp.operator.build.BuildInputs;
import dev.pythonapp.operator.build.BuildRequestPlan;
import dev.pythonapp.operator.build.BuildVerdict;
import dev.pythonapp.operator.build.Builds;
import dev.pythonapp.operator.build.FailedBuild;
import dev.pythonapp.operator.build.WebhookUrls;
import dev.pythonapp.operator.config.OperatorConfig;
import dev.pythonapp.operator.eol.BuilderDecision;
import dev.pythonapp.operator.render.ChildResources;
import dev.pythonapp.operator.render.Labels;
import dev.pythonapp.operator.render.RenderInput;
import io.fabric8.openshift.api.model.Build;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The build side of a reconcile: requests a build when the build inputs changed (BuildRequestPlan), and reads the
 * app's Builds into status.build and the Built condition. Builds are watched through their labels: OpenShift copies
 * the BuildConfig's labels (ours) onto each Build, so only the apps' Builds are cached, never all of the cluster's.
 */
@Singleton
public class BuildTracking {
    private final BuildRequester requester;
    private final BuildMetrics metrics;
    private final PythonAppEvents events;
    private final OperatorConfig config;
    private final BuildFailureHints hints = BuildFailureHints.builtIn();

    public BuildTracking(
            BuildRequester requester, BuildMetrics metrics, PythonAppEvents events, OperatorConfig config) {
        this.requester = requester;
        this.metrics = metrics;
        this.events = events;
        this.config = config;
    }

    /** The informer of the apps' Builds, mapped to their app by the {@link Labels#APP} label. */
    static InformerEventSource<Build, PythonApp> eventSource(EventSourceContext<PythonApp> context) {
        var configuration = InformerEventSourceConfiguration.from(Build.class, PythonApp.class)
                .withName("builds")
                .withLabelSelector(Labels.MANAGED_SELECTOR)
                .withItemStore(new PrunedItemStore<>())
                .withSecondaryToPrimaryMapper(build -> Optional.ofNullable(
                                build.getMetadata().getLabels().get(Labels.APP))
                        .map(app ->
                                Set.of(new ResourceID(app, build.getMetadata().getNamespace())))
                        .orElse(Set.of()))
                .build();
        return new InformerEventSource<>(configuration, context);
    }

    /** Requests a build if the inputs changed, then reports the builds into {@code status}. */
    void reconcile(RenderInput input, Collection<Build> builds, StatusAggregator status) {
        PythonApp app = input.app();
        BuilderDecision decision = input.builder();
        BuildReport previous = app.getStatus() == null ? null : app.getStatus().build;
        BuildReport report = Builds.withoutBuild(previous);
        Map<String, String> inputs = BuildInputs.of(
                ChildResources.buildConfig(input),
                decision.effective().reference(),
                decision.runtime().map(r -> r.effective().reference()).orElse(null),
                app.getMetadata().getAnnotations() == null
                        ? null
                        : app.getMetadata().getAnnotations().get(PythonApp.REBUILD_ANNOTATION));
        boolean paused = decision.action() == BuilderDecision.Action.PAUSE;
        BuildRequestPlan plan = BuildRequestPlan.decide(paused, previous == null ? null : previous.inputs, inputs);
        if (plan instanceof BuildRequestPlan.Record r) {
            report.inputs = r.inputs();
        } else if (plan instanceof BuildRequestPlan.Request r) {
            report.inputs = r.inputs();
            report.request = request(app, r.triggeredBy(), builds);
        }
        Optional<Build> latest = Builds.latest(builds);
        if (latest.isPresent()) {
            report = Builds.report(latest.get(), report);
        }
        report.webhooks = app.getSpec().build == null || app.getSpec().build.webhookSecretRef == null
                ? null
                : WebhookUrls.of(config.cluster().publicApiUrl(), input.namespace(), input.name());
        BuildVerdict verdict = BuildVerdict.of(
                paused ? Optional.of(decision.message()) : Optional.empty(),
                input.name(),
                builds,
                report.request,
                build -> explain(build, decision));
        status.built(report, verdict);
        metrics.latestBuild(
                ResourceID.fromResource(app), latest.map(Builds::phase).orElse(null));
        status.buildEvent().ifPresent(reason -> events.emit(app, reason, verdict.message()));
    }

    private BuildRequestReport request(PythonApp app, String triggeredBy, Collection<Build> builds) {
        BuildRequestReport request = new BuildRequestReport();
        request.triggeredBy = triggeredBy;
        request.afterNumber = Builds.latest(builds).map(Builds::number).orElse(0L);
        Optional<String> build = requester.request(app, triggeredBy);
        request.outcome = build.isPresent() ? BuildVerdict.REQUESTED : BuildVerdict.NOT_SERVED;
        request.build = build.orElse(null);
        metrics.requested(build.isPresent());
        events.emit(
                app,
                EventReason.BUILD_REQUESTED,
                build.map(b -> "requested build " + b + ": ")
                                .orElse("could not request a build (buildconfigs/" + "instantiate is not served): ")
                        + triggeredBy);
        return request;
    }

    private String explain(Build build, BuilderDecision decision) {
        var status = build.getStatus();
        return BuildFailureExplanation.explain(
                new FailedBuild(
                        build.getMetadata().getName(),
                        Builds.phase(build),
                        status == null ? null : status.getReason(),
                        status == null ? null : status.getMessage(),
                        status == null ? null : status.getLogSnippet(),
                        decision.effective().reference(),
                        lifecycleClause(decision)),
                hints);
    }

    /** "which is end of life since ..." for the builder the build used, when its end of life is near or past. */
    private static String lifecycleClause(BuilderDecision decision) {
        if (decision.action() == BuilderDecision.Action.BUILD_SUCCESSOR
                || decision.eolDate().isEmpty()) {
            return "";
        }
        return switch (decision.state()) {
            case END_OF_LIFE ->
                "which is end of life since " + decision.eolDate().get();
            case END_OF_LIFE_SOON ->
                "which reaches end of life on " + decision.eolDate().get();
            default -> "";
        };
    }

    /** Forgets deleted apps in the build metrics. */
    void pruneDeleted(Predicate<ResourceID> exists) {
        metrics.pruneDeleted(exists);
    }
}

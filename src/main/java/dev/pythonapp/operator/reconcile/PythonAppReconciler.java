package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.api.MessageLimit;
import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.api.RouteSpec;
import dev.pythonapp.operator.build.BuildVerdict;
import dev.pythonapp.operator.config.BuilderPolicyProvider;
import dev.pythonapp.operator.config.OperatorClock;
import dev.pythonapp.operator.config.OperatorConfig;
import dev.pythonapp.operator.eol.BuilderDecision;
import dev.pythonapp.operator.eol.BuilderPolicy;
import dev.pythonapp.operator.render.RenderInput;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.Build;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reconciles a PythonApp: decides the builder (catalog + end-of-life policy), refuses to take over objects it does
 * not own, applies the children with Server-Side Apply through the JOSDK workflow, and reports everything in status.
 * The spec is never written. A reconcile that finds nothing new writes nothing: dependents only apply on a
 * difference, and status and events are only written when something changed.
 */
@Workflow(
        explicitInvocation = true,
        dependents = {
            @Dependent(name = "imagestream", type = ImageStreamDependent.class),
            @Dependent(name = "buildconfig", type = BuildConfigDependent.class, dependsOn = "imagestream"),
            @Dependent(
                    name = "gunicorn-config",
                    type = GunicornConfigMapDependent.class,
                    reconcilePrecondition = HotDeployEnabled.class),
            @Dependent(name = "deployment", type = DeploymentDependent.class),
            @Dependent(name = "service", type = ServiceDependent.class),
            @Dependent(
                    name = "route",
                    type = RouteDependent.class,
                    dependsOn = "service",
                    reconcilePrecondition = RouteEnabled.class)
        })
// one stable Server-Side Apply field manager for every child and for status; the cache keeps only what we read;
// generation awareness is done by SpecOrRebuildChanged, which also lets the rebuild annotation through
@ControllerConfiguration(
        name = PythonAppReconciler.NAME,
        fieldManager = PythonAppReconciler.FIELD_MANAGER,
        generationAwareEventProcessing = false,
        informer = @Informer(itemStore = PrunedItemStore.class, onUpdateFilter = SpecOrRebuildChanged.class))
public class PythonAppReconciler implements Reconciler<PythonApp> {
    public static final String NAME = "pythonapp";
    public static final String FIELD_MANAGER = "pythonapp-operator";
    /** A foreign object may go away at any time and is not watched: look again after this long. */
    static final Duration RECHECK_OBJECT_IN_THE_WAY = Duration.ofSeconds(30);

    private final BuilderPolicyProvider policies;
    private final OperatorConfig config;
    private final OperatorClock clock;
    private final PythonAppEvents events;
    private final BuilderLifecycleMetrics metrics;
    private final BuildTracking builds;
    private final Counter reconciliations;

    public PythonAppReconciler(
            BuilderPolicyProvider policies,
            OperatorConfig config,
            OperatorClock clock,
            PythonAppEvents events,
            BuilderLifecycleMetrics metrics,
            BuildTracking builds,
            MeterRegistry registry) {
        this.policies = policies;
        this.config = config;
        this.clock = clock;
        this.events = events;
        this.metrics = metrics;
        this.builds = builds;
        this.reconciliations = Counter.builder("pythonapp_reconciliations_total")
                .description("Reconciles of PythonApps started")
                .register(registry);
    }

    @Override
    public UpdateControl<PythonApp> reconcile(PythonApp app, Context<PythonApp> context) {
        reconciliations.increment();
        LocalDate today = clock.today();
        var status = new StatusAggregator(app.getStatus(), app.getMetadata().getGeneration(), Instant.now());
        Predicate<ResourceID> exists = existsInSnapshot(context.getPrimaryCache());
        if (metrics.pruneDeleted(exists)) {
            builds.pruneDeleted(exists);
        }

        BuilderPolicy.Outcome outcome = policies.policy().decide(app.getSpec(), today);
        if (outcome instanceof BuilderPolicy.Outcome.Invalid invalid) {
            return finish(app, status.invalidSpec(invalid.reason(), invalid.message()), Optional.empty());
        }
        BuilderDecision decision = ((BuilderPolicy.Outcome.Decided) outcome).decision();
        status.builderDecided(decision);
        status.builderEvent().ifPresent(reason -> events.emit(app, reason, decision.message()));
        metrics.record(app.getMetadata().getNamespace(), app.getMetadata().getName(), decision, today);

        // rendered once per reconcile: every dependent and the build tracking read the same input
        RenderInput input = new RenderInput(
                app, decision, ChildDependent.runningImage(context.getSecondaryResource(Deployment.class)));
        context.managedWorkflowAndDependentResourceContext().put(RenderInput.class, input);
        try {
            context.managedWorkflowAndDependentResourceContext()
                    .reconcileManagedWorkflow()
                    .throwAggregateExceptionIfErrorsPresent();
        } catch (RuntimeException e) {
            List<String> inTheWay =
                    ObjectsInTheWay.refusedCreate(e) ? ObjectsInTheWay.find(app, input, context) : List.of();
            if (inTheWay.isEmpty()) {
                throw e;
            }
            return finish(app, status.objectsInTheWay(inTheWay), Optional.of(RECHECK_OBJECT_IN_THE_WAY));
        }

        status.applied(RouteSpec.enabled(app.getSpec().route));
        Set<Build> appBuilds = context.getSecondaryResources(Build.class);
        builds.reconcile(input, appBuilds, status);
        // the Deployment as the workflow left it (created or updated just now)
        Optional<Deployment> deployment = context.getSecondaryResource(Deployment.class);
        status.deployment(
                DeploymentAvailability.notAvailableBecause(deployment),
                ChildDependent.runningImage(deployment),
                BuildVerdict.anyCompleted(appBuilds));
        return finish(app, status, Optional.empty());
    }

    @Override
    public List<EventSource<?, PythonApp>> prepareEventSources(EventSourceContext<PythonApp> context) {
        return List.of(
                BuildTracking.eventSource(context),
                new CatalogOverlayEventSource(context, config.catalog(), policies, events));
    }

    @Override
    public ErrorStatusUpdateControl<PythonApp> updateErrorStatus(
            PythonApp app, Context<PythonApp> context, Exception e) {
        Log.warnf(
                "reconcile of PythonApp %s/%s failed: %s",
                app.getMetadata().getNamespace(), app.getMetadata().getName(), rootMessage(e));
        var status = new StatusAggregator(app.getStatus(), app.getMetadata().getGeneration(), Instant.now())
                .reconcileFailed(rootMessage(e));
        if (!status.changed()) {
            return ErrorStatusUpdateControl.noStatusUpdate();
        }
        return ErrorStatusUpdateControl.patchStatus(status.statusPatch(app));
    }

    private UpdateControl<PythonApp> finish(PythonApp app, StatusAggregator status, Optional<Duration> recheck) {
        UpdateControl<PythonApp> control;
        if (status.changed()) {
            control = UpdateControl.patchStatus(status.statusPatch(app));
        } else {
            control = UpdateControl.noUpdate();
        }
        recheck.ifPresent(control::rescheduleAfter);
        return control;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return MessageLimit.CAUSE.cut(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

    /**
     * Whether an app still exists, from one snapshot of the cache's keys taken when first asked: a cache read decodes
     * the app's JSON (PrunedItemStore), and a prune asks once per tracked app. An app missing from the snapshot is
     * looked up directly, so one added after the snapshot still counts (a lookup of a deleted one decodes nothing).
     */
    static Predicate<ResourceID> existsInSnapshot(Cache<PythonApp> cache) {
        return new Predicate<>() {
            private Set<ResourceID> keys;

            @Override
            public boolean test(ResourceID id) {
                if (keys == null) {
                    keys = cache.keys().collect(Collectors.toSet());
                }
                return keys.contains(id) || cache.contains(id);
            }
        };
    }
}

package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.api.BuilderStatus;
import dev.pythonapp.operator.api.MessageLimit;
import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.api.PythonAppStatus;
import dev.pythonapp.operator.api.RouteSpec;
import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import dev.pythonapp.operator.api.Vocabulary.ConditionType;
import dev.pythonapp.operator.api.Vocabulary.EventReason;
import dev.pythonapp.operator.config.BuilderPolicyProvider;
import dev.pythonapp.operator.config.OperatorClock;
import dev.pythonapp.operator.config.OperatorConfig;
import dev.pythonapp.operator.eol.BuilderDecision;
import dev.pythonapp.operator.eol.BuilderPolicy;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
// one stable Server-Side Apply field manager for every child and for status
@ControllerConfiguration(name = PythonAppReconciler.NAME, fieldManager = PythonAppReconciler.FIELD_MANAGER)
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
    private final Counter reconciliations;

    public PythonAppReconciler(
            BuilderPolicyProvider policies,
            OperatorConfig config,
            OperatorClock clock,
            PythonAppEvents events,
            BuilderLifecycleMetrics metrics,
            MeterRegistry registry) {
        this.policies = policies;
        this.config = config;
        this.clock = clock;
        this.events = events;
        this.metrics = metrics;
        this.reconciliations = Counter.builder("pythonapp_reconciliations_total")
                .description("Reconciles of PythonApps started")
                .register(registry);
    }

    @Override
    public UpdateControl<PythonApp> reconcile(PythonApp app, Context<PythonApp> context) {
        reconciliations.increment();
        LocalDate today = clock.today();
        long generation = app.getMetadata().getGeneration();
        PythonAppStatus previous = app.getStatus() == null ? new PythonAppStatus() : app.getStatus();
        PythonAppStatus next = copy(previous);
        next.observedGeneration = generation;
        Instant now = Instant.now();
        metrics.pruneDeleted(id -> context.getPrimaryCache().contains(id));

        BuilderPolicy.Outcome outcome = policies.policy().decide(app.getSpec(), today);
        if (outcome instanceof BuilderPolicy.Outcome.Invalid invalid) {
            next.conditions = Conditions.with(next.conditions, invalid.reason(), invalid.message(), generation, now);
            next.conditions = Conditions.with(
                    next.conditions,
                    ConditionReason.NOT_RECONCILED,
                    "the app cannot be built: " + invalid.message(),
                    generation,
                    now);
            next.conditions = Conditions.without(next.conditions, ConditionType.BUILDER_SUPPORTED);
            next.builder = null;
            return finish(app, previous, next, Optional.empty());
        }
        BuilderDecision decision = ((BuilderPolicy.Outcome.Decided) outcome).decision();
        next.builder = builderStatus(decision);
        next.conditions = builderSupported(next.conditions, decision, generation, now);
        announceLifecycleChange(app, previous, decision);
        metrics.record(app.getMetadata().getNamespace(), app.getMetadata().getName(), decision, today);

        List<String> inTheWay = ObjectsInTheWay.find(app, decision, context);
        if (!inTheWay.isEmpty()) {
            String message = String.join(", ", inTheWay) + " already exist" + (inTheWay.size() == 1 ? "s" : "")
                    + " and " + (inTheWay.size() == 1 ? "is" : "are")
                    + " not owned by this PythonApp. The operator does "
                    + "not take over objects it did not create: delete or rename them, or rename the PythonApp";
            next.conditions =
                    Conditions.with(next.conditions, ConditionReason.OBJECT_IN_THE_WAY, message, generation, now);
            next.conditions =
                    Conditions.with(next.conditions, ConditionReason.NOT_RECONCILED, message, generation, now);
            return finish(app, previous, next, Optional.of(RECHECK_OBJECT_IN_THE_WAY));
        }

        context.managedWorkflowAndDependentResourceContext().put(BuilderDecision.class, decision);
        WorkflowReconcileResult result =
                context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
        result.throwAggregateExceptionIfErrorsPresent();

        next.conditions = Conditions.with(
                next.conditions,
                ConditionReason.APPLIED,
                "ImageStream, BuildConfig, Deployment, Service"
                        + (RouteSpec.enabled(app.getSpec().route) ? " and Route" : "") + " are applied for generation "
                        + generation,
                generation,
                now);
        Optional<String> notAvailable =
                DeploymentAvailability.notAvailableBecause(context.getSecondaryResource(Deployment.class));
        next.conditions = notAvailable.isEmpty()
                ? Conditions.with(
                        next.conditions, ConditionReason.AVAILABLE, "the Deployment is available", generation, now)
                : Conditions.with(
                        next.conditions, ConditionReason.DEPLOYMENT_NOT_AVAILABLE, notAvailable.get(), generation, now);
        return finish(app, previous, next, Optional.empty());
    }

    @Override
    public List<EventSource<?, PythonApp>> prepareEventSources(EventSourceContext<PythonApp> context) {
        String namespace = config.catalog()
                .configMapNamespace()
                .or(() -> Optional.ofNullable(System.getenv("POD_NAMESPACE")))
                .orElseGet(() ->
                        Optional.ofNullable(context.getClient().getNamespace()).orElse("default"));
        return List.of(new CatalogOverlayEventSource(
                context.getClient(),
                namespace,
                config.catalog().configMapName(),
                policies,
                events,
                context.getPrimaryCache()));
    }

    @Override
    public ErrorStatusUpdateControl<PythonApp> updateErrorStatus(
            PythonApp app, Context<PythonApp> context, Exception e) {
        long generation = app.getMetadata().getGeneration();
        PythonAppStatus previous = app.getStatus() == null ? new PythonAppStatus() : app.getStatus();
        PythonAppStatus next = copy(previous);
        next.observedGeneration = generation;
        String message = "applying the children failed (the operator retries with back-off): " + rootMessage(e);
        Instant now = Instant.now();
        next.conditions = Conditions.with(next.conditions, ConditionReason.RECONCILE_ERROR, message, generation, now);
        next.conditions = Conditions.with(next.conditions, ConditionReason.NOT_RECONCILED, message, generation, now);
        Log.warnf(
                "reconcile of PythonApp %s/%s failed: %s",
                app.getMetadata().getNamespace(), app.getMetadata().getName(), rootMessage(e));
        if (next.equals(previous)) {
            return ErrorStatusUpdateControl.noStatusUpdate();
        }
        app.setStatus(next);
        return ErrorStatusUpdateControl.patchStatus(app);
    }

    private UpdateControl<PythonApp> finish(
            PythonApp app, PythonAppStatus previous, PythonAppStatus next, Optional<Duration> recheck) {
        UpdateControl<PythonApp> control;
        if (next.equals(previous)) {
            control = UpdateControl.noUpdate();
        } else {
            app.setStatus(next);
            control = UpdateControl.patchStatus(app);
        }
        recheck.ifPresent(control::rescheduleAfter);
        return control;
    }

    private static List<Condition> builderSupported(
            List<Condition> conditions, BuilderDecision decision, long generation, Instant now) {
        return Conditions.with(conditions, decision.reason(), decision.message(), generation, now);
    }

    private void announceLifecycleChange(PythonApp app, PythonAppStatus previous, BuilderDecision decision) {
        Optional<Condition> before = Conditions.find(previous.conditions, ConditionType.BUILDER_SUPPORTED);
        boolean changed = before.map(c -> !decision.reason().id().equals(c.getReason())
                        || !decision.message().equals(c.getMessage()))
                .orElse(true);
        if (!changed) {
            return;
        }
        EventReason.announcing(decision.reason()).ifPresent(reason -> events.emit(app, reason, decision.message()));
    }

    private static BuilderStatus builderStatus(BuilderDecision decision) {
        BuilderStatus status = new BuilderStatus();
        status.image = decision.effective().reference();
        status.requestedImage = decision.requested().reference();
        status.eolDate = decision.eolDate().map(LocalDate::toString).orElse(null);
        status.eolBasis =
                decision.eolDate().isPresent() ? decision.lifecycle().basis().id() : null;
        status.rewrittenFrom = decision.action() == BuilderDecision.Action.BUILD_SUCCESSOR
                ? decision.requested().reference()
                : null;
        return status;
    }

    private static PythonAppStatus copy(PythonAppStatus s) {
        PythonAppStatus c = new PythonAppStatus();
        c.observedGeneration = s.observedGeneration;
        c.builder = s.builder;
        c.conditions = s.conditions == null ? List.of() : List.copyOf(s.conditions);
        return c;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return MessageLimit.CAUSE.cut(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }
}

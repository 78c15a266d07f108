package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.api.Vocabulary.EventReason;
import dev.pythonapp.operator.config.BuilderPolicyProvider;
import dev.pythonapp.operator.config.OperatorClock;
import dev.pythonapp.operator.eol.BuildConfigBuilders;
import dev.pythonapp.operator.eol.BuildConfigLifecycleApply;
import dev.pythonapp.operator.render.Labels;
import dev.pythonapp.operator.scan.BuildConfigScanner;
import dev.pythonapp.operator.scan.ImageAssessor;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.openshift.api.model.BuildConfig;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.quarkus.logging.Log;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds end-of-life builders in BuildConfigs that no PythonApp owns (for example made by {@code oc new-app}) and, where
 * the owner opted in, reports or rewrites them: catalog builders, community images such as {@code python:3.8-slim} in
 * the strategy's {@code from}, and the base images of an inline Dockerfile, recognised and rewritten by the repository
 * scanner's code ({@link BuildConfigScanner}). Opt-in: the namespace label {@value #NAMESPACE_LABEL} or the
 * BuildConfig annotation {@value #BUILDCONFIG_ANNOTATION}, value {@code report} (annotate and emit events) or
 * {@code rewrite} (replace the builder with its successor in the same form and record the original). The annotation
 * wins over the namespace label. BuildConfigs of namespaces that did not opt in are never written.
 *
 * <p>This controller caches every BuildConfig it may see except the PythonApps' own (it cannot select by a label
 * that is present: the point is to find BuildConfigs nobody labelled). Excluding ours keeps them from being cached
 * twice, and the pruned store drops managedFields and last-applied copies.
 */
@ControllerConfiguration(
        name = BuildConfigEolReconciler.NAME,
        fieldManager = BuildConfigEolReconciler.FIELD_MANAGER,
        informer = @Informer(labelSelector = Labels.NOT_MANAGED_SELECTOR, itemStore = PrunedItemStore.class))
public class BuildConfigEolReconciler implements Reconciler<BuildConfig> {
    public static final String NAME = "buildconfig-eol";
    public static final String NAMESPACE_LABEL = "pythonapp.dev/eol-buildconfigs";
    public static final String BUILDCONFIG_ANNOTATION = "pythonapp.dev/eol-builder";
    /** The lifecycle the operator found, written in report and rewrite modes. */
    public static final String LIFECYCLE_ANNOTATION = BuildConfigBuilders.LIFECYCLE_ANNOTATION;
    /** Its own Server-Side Apply field manager, so managedFields tell its writes from the app's and the user's. */
    public static final String FIELD_MANAGER = "pythonapp-operator-eol";

    private final BuilderPolicyProvider policies;
    private final OperatorClock clock;
    private final PythonAppEvents events;
    private volatile boolean namespaceOptInAvailable;

    public BuildConfigEolReconciler(BuilderPolicyProvider policies, OperatorClock clock, PythonAppEvents events) {
        this.policies = policies;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public List<EventSource<?, BuildConfig>> prepareEventSources(EventSourceContext<BuildConfig> context) {
        if (!mayWatchNamespaces(context)) {
            Log.infof(
                    "no permission to watch namespaces (single-namespace install): the %s namespace label is not "
                            + "honoured, the %s BuildConfig annotation is",
                    NAMESPACE_LABEL, BUILDCONFIG_ANNOTATION);
            return List.of();
        }
        namespaceOptInAvailable = true;
        // only opted-in namespaces are cached; a label change re-examines every BuildConfig of that namespace
        var config = InformerEventSourceConfiguration.from(Namespace.class, BuildConfig.class)
                .withLabelSelector(NAMESPACE_LABEL)
                .withSecondaryToPrimaryMapper(ns -> context.getPrimaryCache()
                        .list(bc -> ns.getMetadata()
                                .getName()
                                .equals(bc.getMetadata().getNamespace()))
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
                .withPrimaryToSecondaryMapper(
                        bc -> Set.of(new ResourceID(bc.getMetadata().getNamespace())))
                .build();
        return List.of(new InformerEventSource<>(config, context));
    }

    private static boolean mayWatchNamespaces(EventSourceContext<BuildConfig> context) {
        try {
            var review = context.getClient()
                    .authorization()
                    .v1()
                    .selfSubjectAccessReview()
                    .create(new SelfSubjectAccessReviewBuilder()
                            .withNewSpec()
                            .withNewResourceAttributes()
                            .withVerb("watch")
                            .withResource("namespaces")
                            .endResourceAttributes()
                            .endSpec()
                            .build());
            return review.getStatus() != null
                    && Boolean.TRUE.equals(review.getStatus().getAllowed());
        } catch (RuntimeException e) {
            Log.warnf("could not check the permission to watch namespaces: %s", e.getMessage());
            return false;
        }
    }

    @Override
    public UpdateControl<BuildConfig> reconcile(BuildConfig bc, Context<BuildConfig> context) {
        if (ownedByPythonApp(bc)) {
            return UpdateControl.noUpdate();
        }
        Optional<String> mode = mode(bc, context);
        if (mode.isEmpty()) {
            return UpdateControl.noUpdate();
        }
        var images = BuildConfigScanner.images(
                bc, new ImageAssessor(policies.policy().lifecycle(), clock.today()));
        if (images.notSupported().isEmpty()) {
            return UpdateControl.noUpdate();
        }
        boolean rewrite = "rewrite".equals(mode.get());
        BuildConfigLifecycleApply.Plan plan = BuildConfigLifecycleApply.plan(images, rewrite);
        if (plan.lifecycle().equals(annotations(bc).get(LIFECYCLE_ANNOTATION))) {
            return UpdateControl.noUpdate();
        }
        // force: a rewrite takes the builder reference and the Dockerfile over from whoever set them; the
        // resourceVersion in the configuration still refuses a BuildConfig changed since the cache saw it (the
        // reconcile is retried)
        var apply = context.getClient()
                .resource(BuildConfigLifecycleApply.configuration(bc, plan))
                .fieldManager(FIELD_MANAGER);
        (plan.rewrites() ? apply.forceConflicts() : apply).serverSideApply();
        EventReason.announcing(plan.reason()).ifPresent(reason -> events.emit(bc, reason, plan.lifecycle()));
        return UpdateControl.noUpdate();
    }

    private Optional<String> mode(BuildConfig bc, Context<BuildConfig> context) {
        Optional<String> fromAnnotation = Optional.ofNullable(annotations(bc).get(BUILDCONFIG_ANNOTATION));
        Optional<String> fromNamespace = namespaceOptInAvailable
                ? context.getSecondaryResource(Namespace.class)
                        .map(ns -> ns.getMetadata().getLabels().get(NAMESPACE_LABEL))
                : Optional.empty();
        return fromAnnotation
                .or(() -> fromNamespace)
                .map(m -> m.trim().toLowerCase(Locale.ROOT))
                .filter(m -> m.equals("report") || m.equals("rewrite"));
    }

    private static boolean ownedByPythonApp(BuildConfig bc) {
        return bc.getMetadata().getOwnerReferences().stream().anyMatch(r -> "PythonApp".equals(r.getKind()));
    }

    private static Map<String, String> annotations(BuildConfig bc) {
        return bc.getMetadata().getAnnotations() == null
                ? Map.of()
                : bc.getMetadata().getAnnotations();
    }
}

package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.render.ChildResources;
import dev.pythonapp.operator.render.RenderInput;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import java.util.Optional;
import java.util.function.Function;

/**
 * Base of the child dependents: desired state comes from the pure renderer, and the owner reference is a controller
 * reference (JOSDK 5.3.2 adds a plain owner reference, which neither marks us as the controller nor lets us tell
 * our objects from foreign ones).
 */
public abstract class ChildDependent<R extends HasMetadata> extends CRUDKubernetesDependentResource<R, PythonApp> {

    private final Function<RenderInput, R> renderer;

    /** A child of {@code type} whose desired state {@code renderer} (one of the pure ChildResources) renders. */
    protected ChildDependent(Class<R> type, Function<RenderInput, R> renderer) {
        super(type);
        this.renderer = renderer;
    }

    R render(RenderInput input) {
        return renderer.apply(input);
    }

    @Override
    protected R desired(PythonApp app, Context<PythonApp> context) {
        return DesiredStateMatch.stamp(render(context.managedWorkflowAndDependentResourceContext()
                .getMandatory(RenderInput.class, RenderInput.class)));
    }

    /** Matched by digest and field values, not by managedFields, which the caches do not keep (DesiredStateMatch). */
    @Override
    public Matcher.Result<R> match(R actual, R desired, PythonApp primary, Context<PythonApp> context) {
        return Matcher.Result.computed(DesiredStateMatch.matches(actual, desired), desired);
    }

    /**
     * JOSDK keeps the object the API server answers a write with (read-your-writes) until an event newer than the
     * write arrives, which for a Service or a BuildConfig may be never. Its managedFields were never read
     * ({@link ManagedFieldsNotRead}); what is left to prune here is a last-applied copy, for a child someone once
     * applied with {@code kubectl apply}. (Heap dump, issue #8: before either, these kept objects held half of a
     * freshly written app.)
     */
    @Override
    public R create(R desired, PythonApp primary, Context<PythonApp> context) {
        return PrunedItemStore.prune(super.create(desired, primary, context));
    }

    @Override
    public R update(R actual, R desired, PythonApp primary, Context<PythonApp> context) {
        return PrunedItemStore.prune(super.update(actual, desired, primary, context));
    }

    /** The image the app container of {@code deployment} runs (OpenShift's image trigger sets it after a build). */
    static Optional<String> runningImage(Optional<Deployment> deployment) {
        return deployment
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream()
                        .filter(c -> ChildResources.CONTAINER.equals(c.getName()))
                        .findFirst())
                .map(Container::getImage);
    }

    @Override
    protected void addReferenceHandlingMetadata(R desired, PythonApp primary) {
        super.addReferenceHandlingMetadata(desired, primary);
        desired.getMetadata().getOwnerReferences().stream()
                .filter(ref -> primary.getMetadata().getUid().equals(ref.getUid()))
                .forEach(ref -> {
                    ref.setController(true);
                    ref.setBlockOwnerDeletion(true);
                });
    }
}

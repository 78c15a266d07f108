package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.render.RenderInput;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds objects that have a child's name but are not controlled by this PythonApp. JOSDK creates a child with
 * Server-Side Apply and resourceVersion "1", so the API server refuses the create (409 Conflict) when an object of
 * that name exists, and nothing foreign is ever taken over. Only then does the operator look up which objects are in
 * the way, to say so: looking before every first apply cost five GETs per new app, about a sixth of the CPU of
 * converging 1,000 apps on the benchmark machine (issue #8). The children the workflow did create stay, owned by the
 * app. The children are the workflow's own ({@link WorkflowChildren}); only those missing from the informer caches are
 * looked up.
 */
final class ObjectsInTheWay {
    private ObjectsInTheWay() {}

    /** Whether the workflow failed because a child's write was refused with 409 Conflict (an object in the way). */
    static boolean refusedCreate(RuntimeException workflowFailure) {
        return causes(workflowFailure)
                .anyMatch(t ->
                        t instanceof KubernetesClientException k && k.getCode() == HttpURLConnection.HTTP_CONFLICT);
    }

    static List<String> find(PythonApp app, RenderInput input, Context<PythonApp> context) {
        List<String> inTheWay = new ArrayList<>();
        for (WorkflowChildren.Child child : WorkflowChildren.OF_PYTHON_APP) {
            if (!child.wanted(app, context)
                    || context.getSecondaryResource(child.type()).isPresent()) {
                continue;
            }
            // rendered only here, after a refused create: not on the hot path
            String childName = child.render(input).getMetadata().getName();
            HasMetadata existing = context.getClient()
                    .resources(child.type())
                    .inNamespace(app.getMetadata().getNamespace())
                    .withName(childName)
                    .get();
            if (existing != null && !controlledBy(existing, app)) {
                inTheWay.add(existing.getKind() + " " + childName);
            }
        }
        return inTheWay;
    }

    static boolean controlledBy(HasMetadata object, PythonApp app) {
        return object.getMetadata().getOwnerReferences().stream()
                .anyMatch(ref -> Boolean.TRUE.equals(ref.getController())
                        && app.getMetadata().getUid().equals(ref.getUid()));
    }

    /** The exception, its causes and, for the workflow's aggregate, each dependent's exception with its causes. */
    private static Stream<Throwable> causes(Throwable error) {
        if (error == null) {
            return Stream.empty();
        }
        Stream<Throwable> nested = error instanceof AggregatedOperatorException aggregate
                ? aggregate.getAggregatedExceptions().values().stream().flatMap(ObjectsInTheWay::causes)
                : Stream.empty();
        Throwable cause = error.getCause() == error ? null : error.getCause();
        return Stream.concat(Stream.of(error), Stream.concat(nested, causes(cause)));
    }
}

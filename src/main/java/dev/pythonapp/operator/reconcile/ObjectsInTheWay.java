package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.eol.BuilderDecision;
import dev.pythonapp.operator.render.RenderInput;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds objects that have a child's name but are not controlled by this PythonApp. Server-Side Apply with force would
 * take them over, so the operator refuses and says which object is in the way. The children are the workflow's own
 * ({@link WorkflowChildren}); only those missing from the informer caches are looked up, so a steady-state reconcile
 * makes no extra calls.
 */
final class ObjectsInTheWay {
    private ObjectsInTheWay() {}

    static List<String> find(PythonApp app, BuilderDecision decision, Context<PythonApp> context) {
        RenderInput input = new RenderInput(app, decision, Optional.empty());
        List<String> inTheWay = new ArrayList<>();
        for (WorkflowChildren.Child child : WorkflowChildren.OF_PYTHON_APP) {
            if (!child.wanted(app, context)
                    || context.getSecondaryResource(child.type()).isPresent()) {
                continue;
            }
            String childName = child.childName(input);
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
}

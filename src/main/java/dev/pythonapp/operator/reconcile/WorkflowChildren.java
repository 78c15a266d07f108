package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.render.RenderInput;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The children of a PythonApp as the reconciler's {@code @Workflow} declares them: one per {@code @Dependent}, with
 * the conditions (activation condition, reconcile precondition) that decide whether an app has it. Read from the
 * annotation, so whatever checks the children (ObjectsInTheWay) cannot miss one the workflow applies.
 */
final class WorkflowChildren {
    /** The children of {@link PythonAppReconciler}'s workflow, in declaration order. */
    static final List<Child> OF_PYTHON_APP = declaredBy(PythonAppReconciler.class);

    private WorkflowChildren() {}

    /** One dependent of the workflow. */
    record Child(String name, ChildDependent<?> dependent, List<Condition<?, PythonApp>> conditions) {

        Class<? extends HasMetadata> type() {
            return dependent.resourceType();
        }

        /** Whether the workflow applies this child for {@code app}: every condition of it is met. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        boolean wanted(PythonApp app, Context<PythonApp> context) {
            return conditions.stream().allMatch(c -> ((Condition) c).isMet(dependent, app, context));
        }

        /** The child as the workflow would apply it (its kind and name are what matter to callers). */
        HasMetadata render(RenderInput input) {
            return dependent.render(input);
        }
    }

    static List<Child> declaredBy(Class<?> reconciler) {
        Workflow workflow = reconciler.getAnnotation(Workflow.class);
        if (workflow == null) {
            throw new IllegalStateException(reconciler.getName() + " declares no @Workflow");
        }
        return Arrays.stream(workflow.dependents()).map(WorkflowChildren::child).toList();
    }

    private static Child child(Dependent dependent) {
        Object instance = instantiate(dependent.type());
        if (!(instance instanceof ChildDependent<?> child)) {
            throw new IllegalStateException(
                    "dependent " + dependent.name() + " (" + dependent.type().getName()
                            + ") is not a ChildDependent: the operator could not tell its objects from foreign ones");
        }
        List<Condition<?, PythonApp>> conditions = Stream.of(
                        dependent.activationCondition(), dependent.reconcilePrecondition())
                .filter(type -> type != Condition.class) // the annotation's "none"
                .<Condition<?, PythonApp>>map(type -> cast(instantiate(type)))
                .toList();
        return new Child(dependent.name(), child, conditions);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    private static Object instantiate(Class<?> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException("cannot create " + type.getName() + ": " + cause, cause);
        }
    }
}

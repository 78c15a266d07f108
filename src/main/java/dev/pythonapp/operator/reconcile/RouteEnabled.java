package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.api.RouteSpec;
import io.fabric8.openshift.api.model.Route;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The Route exists while spec.route.enabled is not false; turning it off deletes it. */
public class RouteEnabled implements Condition<Route, PythonApp> {
    @Override
    public boolean isMet(DependentResource<Route, PythonApp> dependent, PythonApp app, Context<PythonApp> context) {
        return RouteSpec.enabled(app.getSpec().route);
    }
}

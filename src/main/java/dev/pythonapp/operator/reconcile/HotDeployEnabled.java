package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.render.S2iEnvironment;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** The gunicorn ConfigMap exists while spec.run.hotDeploy is true. */
public class HotDeployEnabled implements Condition<ConfigMap, PythonApp> {
    @Override
    public boolean isMet(DependentResource<ConfigMap, PythonApp> dependent, PythonApp app, Context<PythonApp> context) {
        return S2iEnvironment.hotDeploy(app.getSpec().run);
    }
}

package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.render.ChildResources;
import dev.pythonapp.operator.render.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** gunicorn config ConfigMap (only with run.hotDeploy). */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR, itemStore = PrunedItemStore.class))
public class GunicornConfigMapDependent extends ChildDependent<ConfigMap> {

    public GunicornConfigMapDependent() {
        super(ConfigMap.class, ChildResources::gunicornConfig);
    }
}

package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.render.ChildResources;
import dev.pythonapp.operator.render.Labels;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Deployment running the built image. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR, itemStore = PrunedItemStore.class))
public class DeploymentDependent extends ChildDependent<Deployment> {

    public DeploymentDependent() {
        super(Deployment.class, ChildResources::deployment);
    }
}

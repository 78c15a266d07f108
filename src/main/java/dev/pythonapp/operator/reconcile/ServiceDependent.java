package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.render.ChildResources;
import dev.pythonapp.operator.render.Labels;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Service in front of the Deployment. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR, itemStore = PrunedItemStore.class))
public class ServiceDependent extends ChildDependent<Service> {

    public ServiceDependent() {
        super(Service.class, ChildResources::service);
    }
}

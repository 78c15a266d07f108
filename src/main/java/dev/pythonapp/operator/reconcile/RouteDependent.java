package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.render.ChildResources;
import dev.pythonapp.operator.render.Labels;
import io.fabric8.openshift.api.model.Route;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Route exposing the Service (only while route.enabled). */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR, itemStore = PrunedItemStore.class))
public class RouteDependent extends ChildDependent<Route> {

    public RouteDependent() {
        super(Route.class, ChildResources::route);
    }
}

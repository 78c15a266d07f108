package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.render.ChildResources;
import dev.pythonapp.operator.render.Labels;
import io.fabric8.openshift.api.model.BuildConfig;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** S2I BuildConfig. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR, itemStore = PrunedItemStore.class))
public class BuildConfigDependent extends ChildDependent<BuildConfig> {

    public BuildConfigDependent() {
        super(BuildConfig.class, ChildResources::buildConfig);
    }
}

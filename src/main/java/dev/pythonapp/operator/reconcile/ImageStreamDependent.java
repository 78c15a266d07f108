package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.render.ChildResources;
import dev.pythonapp.operator.render.Labels;
import io.fabric8.openshift.api.model.ImageStream;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** ImageStream for the build output and the tracked builder image. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR, itemStore = PrunedItemStore.class))
public class ImageStreamDependent extends ChildDependent<ImageStream> {

    public ImageStreamDependent() {
        super(ImageStream.class, ChildResources::imageStream);
    }
}

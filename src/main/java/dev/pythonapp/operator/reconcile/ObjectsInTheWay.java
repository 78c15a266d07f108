package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.api.RouteSpec;
import dev.pythonapp.operator.render.ChildResources;
import dev.pythonapp.operator.render.S2iEnvironment;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.Route;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds objects that have a child's name but are not controlled by this PythonApp. Server-Side Apply with force would
 * take them over, so the operator refuses and says which object is in the way. Only children missing from the
 * informer caches are looked up, so a steady-state reconcile makes no extra calls.
 */
final class ObjectsInTheWay {
    private ObjectsInTheWay() {}

    static List<String> find(PythonApp app, Context<PythonApp> context) {
        String name = app.getMetadata().getName();
        Map<Class<? extends HasMetadata>, String> expected = new LinkedHashMap<>();
        expected.put(ImageStream.class, name);
        expected.put(BuildConfig.class, name);
        expected.put(Deployment.class, name);
        expected.put(Service.class, name);
        if (RouteSpec.enabled(app.getSpec().route)) {
            expected.put(Route.class, name);
        }
        if (S2iEnvironment.hotDeploy(app.getSpec().run)) {
            expected.put(ConfigMap.class, ChildResources.gunicornConfigMapName(app));
        }
        KubernetesClient client = context.getClient();
        List<String> inTheWay = new ArrayList<>();
        expected.forEach((type, childName) -> {
            if (context.getSecondaryResource(type).isPresent()) {
                return;
            }
            HasMetadata existing = client.resources(type)
                    .inNamespace(app.getMetadata().getNamespace())
                    .withName(childName)
                    .get();
            if (existing != null && !controlledBy(existing, app)) {
                inTheWay.add(existing.getKind() + " " + childName);
            }
        });
        return inTheWay;
    }

    static boolean controlledBy(HasMetadata object, PythonApp app) {
        return object.getMetadata().getOwnerReferences().stream()
                .anyMatch(ref -> Boolean.TRUE.equals(ref.getController())
                        && app.getMetadata().getUid().equals(ref.getUid()));
    }
}

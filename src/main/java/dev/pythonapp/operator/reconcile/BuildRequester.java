package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.api.PythonApp;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.openshift.api.model.Build;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.BuildRequestBuilder;
import io.fabric8.openshift.client.OpenShiftClient;
import jakarta.inject.Singleton;
import java.net.HttpURLConnection;
import java.util.Optional;

/**
 * Requests a build through the BuildConfig's {@code instantiate} subresource, as {@code oc start-build} does, with a
 * triggeredBy message that says why. The operator needs {@code create} on {@code buildconfigs/instantiate} only.
 */
@Singleton
public class BuildRequester {
    private final KubernetesClient client;

    public BuildRequester(KubernetesClient client) {
        this.client = client;
    }

    /**
     * The name of the Build OpenShift created, or empty when the API server does not serve the subresource (a
     * Kubernetes cluster with the build CRDs but without OpenShift's build API). Any other failure is thrown, so
     * the reconcile is retried with back-off.
     */
    public Optional<String> request(PythonApp app, String triggeredBy) {
        String namespace = app.getMetadata().getNamespace();
        String name = app.getMetadata().getName();
        var request = new BuildRequestBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addNewTriggeredBy()
                .withMessage(triggeredBy)
                .endTriggeredBy()
                .build();
        try {
            Build build = client.adapt(OpenShiftClient.class)
                    .buildConfigs()
                    .inNamespace(namespace)
                    .withName(name)
                    .instantiate(request);
            return Optional.of(build.getMetadata().getName());
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND && buildConfigExists(namespace, name)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    // OpenShift answers 404 only when the BuildConfig is gone (retry: the next reconcile recreates it); a server
    // whose BuildConfigs are plain custom resources answers 404 for the unknown subresource of an existing one
    private boolean buildConfigExists(String namespace, String name) {
        return client.resources(BuildConfig.class)
                        .inNamespace(namespace)
                        .withName(name)
                        .get()
                != null;
    }
}

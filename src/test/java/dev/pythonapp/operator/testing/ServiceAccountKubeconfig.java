package dev.pythonapp.operator.testing;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A kubeconfig for a ServiceAccount (created if missing) with a token from the TokenRequest API: how a pod's
 * operator authenticates, so RBAC applies and the audit log names the ServiceAccount.
 */
public final class ServiceAccountKubeconfig {
    private ServiceAccountKubeconfig() {}

    /** Writes target/{@code serviceAccount}.kubeconfig; the user is {@code system:serviceaccount:<ns>:<name>}. */
    public static Path write(KubernetesClient admin, String namespace, String serviceAccount) {
        if (admin.serviceAccounts()
                        .inNamespace(namespace)
                        .withName(serviceAccount)
                        .get()
                == null) {
            admin.serviceAccounts()
                    .inNamespace(namespace)
                    .resource(new ServiceAccountBuilder()
                            .withNewMetadata()
                            .withName(serviceAccount)
                            .endMetadata()
                            .build())
                    .create();
        }
        String token = admin.serviceAccounts()
                .inNamespace(namespace)
                .withName(serviceAccount)
                .tokenRequest(new TokenRequestBuilder()
                        .withNewSpec()
                        .withExpirationSeconds(3600L)
                        .endSpec()
                        .build())
                .getStatus()
                .getToken();
        Config adminConfig = admin.getConfiguration();
        Map<String, Object> kubeconfig = Map.of(
                "apiVersion",
                "v1",
                "kind",
                "Config",
                "current-context",
                "sa",
                "clusters",
                List.of(Map.of(
                        "name",
                        "local",
                        "cluster",
                        Map.of(
                                "server",
                                adminConfig.getMasterUrl(),
                                "certificate-authority",
                                adminConfig.getCaCertFile()))),
                "users",
                List.of(Map.of("name", "sa", "user", Map.of("token", token))),
                "contexts",
                List.of(Map.of(
                        "name", "sa", "context", Map.of("cluster", "local", "user", "sa", "namespace", namespace))));
        Path path = Path.of("target", serviceAccount + ".kubeconfig").toAbsolutePath();
        try {
            Files.writeString(path, Serialization.asYaml(kubeconfig));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path;
    }

    public static String user(String namespace, String serviceAccount) {
        return "system:serviceaccount:" + namespace + ":" + serviceAccount;
    }
}

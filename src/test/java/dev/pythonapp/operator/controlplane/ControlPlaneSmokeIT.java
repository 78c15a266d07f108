package dev.pythonapp.operator.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pythonapp.operator.testing.ControlPlane;
import dev.pythonapp.operator.testing.ProjectCrds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proves the suite talks to a real kube-apiserver at the pinned version, not to a mock. */
class ControlPlaneSmokeIT {
    static final ResourceDefinitionContext PYTHONAPPS = new ResourceDefinitionContext.Builder()
            .withGroup("pythonapp.dev")
            .withVersion("v1alpha1")
            .withPlural("pythonapps")
            .withKind("PythonApp")
            .withNamespaced(true)
            .build();
    static String namespace;
    final KubernetesClient client = ControlPlane.shared().adminClient();

    @BeforeAll
    static void controlPlane() {
        namespace = ProjectCrds.freshNamespace("smoke");
    }

    @Test
    void versionIsThePinnedKubernetesRelease() {
        ControlPlane.shared().assumeBuilt("the pinned Kubernetes version");
        String pinned = ControlPlane.pinnedVersion();
        assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo("v" + pinned);
        System.out.println(
                "kube-apiserver /version: " + client.getKubernetesVersion().getGitVersion());
    }

    @Test
    void serverSideApplyOfACustomResourceWorks() {
        GenericKubernetesResource app = pythonApp("ssa-smoke", "3.12");
        client.genericKubernetesResources(PYTHONAPPS)
                .inNamespace(namespace)
                .resource(app)
                .fieldManager("smoke-test")
                .forceConflicts()
                .serverSideApply();
        app.setAdditionalProperty(
                "spec",
                Map.of(
                        "source",
                        Map.of("git", Map.of("uri", "https://github.com/sclorg/django-ex.git")),
                        "pythonVersion",
                        "3.14"));
        GenericKubernetesResource applied = client.genericKubernetesResources(PYTHONAPPS)
                .inNamespace(namespace)
                .resource(app)
                .fieldManager("smoke-test")
                .forceConflicts()
                .serverSideApply();
        assertThat(((Map<?, ?>) applied.getAdditionalProperties().get("spec")).get("pythonVersion"))
                .isEqualTo("3.14");
        assertThat(applied.getMetadata().getManagedFields()).anySatisfy(f -> {
            assertThat(f.getManager()).isEqualTo("smoke-test");
            assertThat(f.getOperation()).isEqualTo("Apply");
        });
    }

    @Test
    void schemaInvalidObjectIsRejectedByTheServer() {
        GenericKubernetesResource app = pythonApp("invalid-smoke", "three");
        assertThatThrownBy(() -> client.genericKubernetesResources(PYTHONAPPS)
                        .inNamespace(namespace)
                        .resource(app)
                        .create())
                .isInstanceOf(KubernetesClientException.class)
                .satisfies(e ->
                        assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422))
                .hasMessageContaining("spec.pythonVersion")
                .hasMessageContaining("should match '^[23]\\.[0-9]{1,2}$'");
    }

    static GenericKubernetesResource pythonApp(String name, String version) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("pythonapp.dev/v1alpha1")
                .withKind("PythonApp")
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .addToAdditionalProperties(
                        "spec",
                        Map.of(
                                "source",
                                Map.of("git", Map.of("uri", "https://github.com/sclorg/django-ex.git")),
                                "pythonVersion",
                                version))
                .build();
    }
}

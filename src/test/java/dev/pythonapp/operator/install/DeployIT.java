package dev.pythonapp.operator.install;

import static dev.pythonapp.operator.install.Kinds.assertKinds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.testing.ProjectCrds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Namespaced;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kustomize installs in deploy/, rendered with {@code kubectl kustomize}. */
class DeployIT {
    static final String NS = Renders.NAMESPACE;
    static final Map<String, String> SERVICE_CA_SERVICE =
            Map.of("service.beta.openshift.io/serving-cert-secret-name", InstallAssertions.WEBHOOK_TLS_SECRET);
    static final Map<String, String> SERVICE_CA_WEBHOOKS = Map.of("service.beta.openshift.io/inject-cabundle", "true");

    static Kinds singleNamespaceKinds() {
        return Kinds.of(Kinds.CLUSTER_WIDE)
                .minus(Kinds.NAMESPACE)
                .minus(Kinds.CLUSTER_RBAC)
                .minus(Kinds.WEBHOOKS)
                .plus(Kinds.ROLE);
    }

    static void allNamespacedObjectsIn(Manifests m, String namespace) {
        for (HasMetadata o : m.items()) {
            if (o instanceof Namespaced) {
                assertThat(o.getMetadata().getNamespace())
                        .as("%s: %s", m.name(), Manifests.id(o))
                        .isEqualTo(namespace);
            }
        }
    }

    @Test
    void crdCopyIsTheCommittedCrd() throws IOException {
        Path copy = Path.of("deploy", "crd").resolve(ProjectCrds.PYTHONAPP_CRD.getFileName());
        assertThat(Files.readString(copy))
                .as("%s differs: cp %s deploy/crd/", copy, ProjectCrds.PYTHONAPP_CRD)
                .isEqualTo(Files.readString(ProjectCrds.PYTHONAPP_CRD));
    }

    @Test
    void clusterWide() {
        Manifests m = Renders.kustomize("cluster-wide");
        assertKinds(m, Kinds.of(Kinds.CLUSTER_WIDE));
        clusterWideWorkload(m);
    }

    @Test
    void clusterWideWithoutCrd() {
        Manifests m = Renders.kustomize("cluster-wide/without-crd");
        assertKinds(m, Kinds.of(Kinds.CLUSTER_WIDE).minus(Kinds.CRD));
        clusterWideWorkload(m);
    }

    static void clusterWideWorkload(Manifests m) {
        InstallAssertions.deployment(m, true, null);
        InstallAssertions.service(m, true, null);
        InstallAssertions.webhooks(m, NS, null, null);
        allNamespacedObjectsIn(m, NS);
    }

    @Test
    void clusterWideOpenShiftLetsTheServiceCaSignAndInject() {
        Manifests m = Renders.kustomize("cluster-wide-openshift");
        assertKinds(m, Kinds.of(Kinds.CLUSTER_WIDE));
        InstallAssertions.service(m, true, SERVICE_CA_SERVICE);
        InstallAssertions.webhooks(m, NS, SERVICE_CA_WEBHOOKS, null);
    }

    @Test
    void singleNamespace() {
        Manifests m = Renders.kustomize("single-namespace");
        assertKinds(m, singleNamespaceKinds());
        singleNamespaceWorkload(m);
    }

    @Test
    void singleNamespaceWithoutCrd() {
        Manifests m = Renders.kustomize("single-namespace/without-crd");
        assertKinds(m, singleNamespaceKinds().minus(Kinds.CRD));
        singleNamespaceWorkload(m);
    }

    static void singleNamespaceWorkload(Manifests m) {
        InstallAssertions.deployment(m, false, "JOSDK_WATCH_CURRENT");
        InstallAssertions.service(m, false, null);
        allNamespacedObjectsIn(m, NS);
    }

    /** The patches docs/install.md adds to move deploy/cluster-wide's Namespace and webhook Service references. */
    static String movedPatches(String namespace) {
        return """
                patches:
                  - target: {kind: Namespace, name: pythonapp-operator}
                    patch: '[{"op": "replace", "path": "/metadata/name", "value": "%1$s"}]'
                  - target: {kind: ValidatingWebhookConfiguration, name: pythonapp-operator}
                    patch: |-
                      [{"op": "replace", "path": "/webhooks/0/clientConfig/service/namespace", "value": "%1$s"},
                       {"op": "replace", "path": "/webhooks/1/clientConfig/service/namespace", "value": "%1$s"}]
                  - target: {kind: MutatingWebhookConfiguration, name: pythonapp-operator}
                    patch: '[{"op": "replace", "path": "/webhooks/0/clientConfig/service/namespace", "value": "%1$s"}]'
                """.formatted(namespace);
    }

    @Test
    void docsOverlayMovesClusterWideToAnotherNamespace(@TempDir Path dir) throws IOException {
        String yaml = Renders.kustomizeYaml(
                Renders.namespaceOverlay(dir, "cluster-wide", "operators", movedPatches("operators")));
        assertThat(yaml.lines())
                .as("nothing may still point at namespace pythonapp-operator")
                .noneMatch(l -> l.strip().equals("namespace: " + NS));
        Manifests m = Manifests.parse("moved overlay", yaml);
        assertThat(m.all(Namespace.class))
                .extracting(n -> n.getMetadata().getName())
                .containsExactly("operators");
        InstallAssertions.webhooks(m, "operators", null, null);
        allNamespacedObjectsIn(m, "operators");
    }
}

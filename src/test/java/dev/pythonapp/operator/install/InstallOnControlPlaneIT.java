package dev.pythonapp.operator.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.install.Grants.Account;
import dev.pythonapp.operator.testing.AuditLog;
import dev.pythonapp.operator.testing.BuiltControlPlaneOnly;
import dev.pythonapp.operator.testing.Command;
import dev.pythonapp.operator.testing.IsolatedControlPlane;
import dev.pythonapp.operator.testing.ProjectCrds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart and deploy/ installed the documented way (server-side apply) on a real control plane of their own: the
 * chart's defaults into pythonapp-helm, deploy/cluster-wide into pythonapp-operator, deploy/single-namespace (moved by
 * an overlay) into pythonapp-single; the operator pod meets the restricted Pod Security level, the ServiceAccounts
 * have their permissions in force and nothing more ({@link Permissions}), the webhook configurations take effect,
 * and the documented uninstall keeps the CRD. No kubelet runs, so the operator pods never start here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(BuiltControlPlaneOnly.class)
class InstallOnControlPlaneIT {
    static final String HELM_NS = "pythonapp-helm";
    /** Not pythonapp-operator: the chart's cluster-scoped objects must not collide with deploy/'s. */
    static final String HELM_RELEASE = "pythonapp-helm";

    static final String CLUSTER_NS = Renders.NAMESPACE;
    static final String SINGLE_NS = "pythonapp-single";
    static final String PYTHONAPP_WEBHOOK = "pythonapps.validate.pythonapp.dev";
    static final Path EXAMPLE = Path.of("examples", "django-ex.yaml");

    @RegisterExtension
    static final IsolatedControlPlane CP = new IsolatedControlPlane("control-plane-install");

    static KubernetesClient admin;
    /** For admission probes: fabric8 retries HTTP 5xx, and a failed webhook call is one, which it must see at once. */
    static KubernetesClient adminOnce;

    static Permissions permissions;

    @BeforeAll
    static void controlPlane() {
        admin = CP.admin();
        adminOnce = CP.closeAfterAll(new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(admin.getConfiguration())
                        .withRequestRetryBackoffLimit(0)
                        .build())
                .build());
        permissions = new Permissions(admin);
    }

    /** A namespace that enforces the restricted Pod Security level, as docs/install.md recommends. */
    static void restrictedNamespace(String name) {
        admin.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                        .addToLabels("pod-security.kubernetes.io/warn", "restricted")
                        .endMetadata()
                        .build())
                .serverSideApply();
    }

    /** Server-side apply of every object, which must all be of APIs the cluster serves, then all of them exist. */
    static void apply(Manifests m) {
        for (HasMetadata o : m.items()) {
            assertThat(admin.supports(o.getApiVersion(), o.getKind()))
                    .as("%s: the control plane serves %s %s", m.name(), o.getApiVersion(), Manifests.id(o))
                    .isTrue();
        }
        for (HasMetadata o : m.items()) {
            admin.resource(o).forceConflicts().serverSideApply();
            if (o instanceof CustomResourceDefinition crd) {
                admin.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName(crd.getMetadata().getName())
                        .waitUntilCondition(ProjectCrds::established, 60, TimeUnit.SECONDS);
            }
        }
        for (HasMetadata o : m.items()) {
            assertThat(admin.resource(o).get())
                    .as("%s: %s applied", m.name(), Manifests.id(o))
                    .isNotNull();
        }
    }

    /** The operator pod as the Deployment would create it is admitted under restricted Pod Security. */
    static void podMeetsRestrictedPodSecurity(Manifests m) {
        Deployment d = m.one(Deployment.class);
        String ns = d.getMetadata().getNamespace();
        assertThat(admin.namespaces().withName(ns).get().getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withGenerateName("pod-security-")
                .withNamespace(ns)
                .withLabels(d.getSpec().getTemplate().getMetadata().getLabels())
                .endMetadata()
                .withSpec(d.getSpec().getTemplate().getSpec())
                .build();
        admin.pods().inNamespace(ns).resource(pod).dryRun().create();
    }

    static PythonApp example(String namespace) throws IOException {
        try (var in = new FileInputStream(EXAMPLE.toFile())) {
            PythonApp app = admin.getKubernetesSerialization().unmarshal(in, PythonApp.class);
            app.getMetadata().setNamespace(namespace);
            return app;
        }
    }

    /** With failurePolicy Fail and no operator behind the Service, a PythonApp is refused by the webhook call. */
    /**
     * The webhook's Service has no endpoints here, as during an operator outage: with failurePolicy Ignore the
     * PythonApp is admitted, and the API server records in the audit log that it called the webhook and failed open.
     */
    static void pythonAppsGoThroughTheWebhook(String namespace) throws IOException {
        PythonApp app = example(namespace);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(adminOnce.resource(app).dryRun().create())
                    .as("PythonApp admitted while the webhook is unreachable")
                    .isNotNull();
            assertThat(AuditLog.failedOpenWebhooks(
                            CP.controlPlane().auditLog(), "/namespaces/" + namespace + "/pythonapps"))
                    .as("PythonApp admission called the webhook and failed open")
                    .anyMatch(value -> value.contains(PYTHONAPP_WEBHOOK));
        });
    }

    static void deleteWebhooksThenPythonAppsAreAdmitted(Manifests m, String namespace) throws IOException {
        admin.resource(m.one(ValidatingWebhookConfiguration.class)).delete();
        admin.resource(m.one(MutatingWebhookConfiguration.class)).delete();
        PythonApp app = example(namespace);
        await().atMost(Duration.ofSeconds(20))
                .ignoreException(KubernetesClientException.class)
                .untilAsserted(() ->
                        assertThat(adminOnce.resource(app).dryRun().create()).isNotNull());
    }

    static Account account(Manifests m) {
        return RbacIT.account(m);
    }

    /** The webhook configurations point at Services without endpoints: never leave them behind. */
    static void installWithWebhooks(Manifests m, String namespace) throws IOException {
        try {
            apply(m);
            podMeetsRestrictedPodSecurity(m);
            permissions.assertClusterWide(m, account(m));
            pythonAppsGoThroughTheWebhook(namespace);
        } finally {
            deleteWebhooksThenPythonAppsAreAdmitted(m, namespace);
        }
    }

    @Test
    @Order(1)
    void chartDefaults() throws IOException {
        restrictedNamespace(HELM_NS);
        installWithWebhooks(Renders.chart(HELM_RELEASE, HELM_NS, List.of()), HELM_NS);
    }

    @Test
    @Order(2)
    void deployClusterWide() throws IOException {
        installWithWebhooks(Renders.kustomize("cluster-wide"), CLUSTER_NS);
    }

    @Test
    @Order(3)
    void deploySingleNamespaceMovedIntoAnotherNamespace(@TempDir Path dir) throws IOException {
        restrictedNamespace(SINGLE_NS);
        Manifests m = Manifests.parse(
                "single-namespace in " + SINGLE_NS,
                Renders.kustomizeYaml(Renders.namespaceOverlay(dir, "single-namespace", SINGLE_NS, "")));
        assertThat(m.items())
                .as("nothing cluster-scoped but the CRD")
                .allMatch(o -> o instanceof Namespaced || o instanceof CustomResourceDefinition);
        apply(m);
        podMeetsRestrictedPodSecurity(m);
        permissions.assertSingleNamespace(m, account(m), SINGLE_NS);
    }

    @Test
    @Order(4)
    void documentedUninstallKeepsTheCrd() {
        Command.Result delete = Command.run(List.of(
                "kubectl",
                "--kubeconfig",
                CP.controlPlane().kubeconfig().toString(),
                "delete",
                "--ignore-not-found",
                "--timeout=180s",
                "-k",
                "deploy/cluster-wide/without-crd"));
        assertThat(delete.exit()).as(delete.toString()).isZero();
        Manifests chart = Renders.chart(HELM_RELEASE, HELM_NS, List.of());
        admin.resource(chart.one(ClusterRoleBinding.class)).delete();
        admin.resource(chart.one(ClusterRole.class)).delete();
        for (String ns : List.of(HELM_NS, SINGLE_NS)) {
            admin.namespaces().withName(ns).delete();
        }
        await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> {
            for (String ns : List.of(HELM_NS, SINGLE_NS, CLUSTER_NS)) {
                assertThat(admin.namespaces().withName(ns).get())
                        .as("namespace " + ns)
                        .isNull();
            }
        });
        assertThat(admin.resource(Renders.kustomize("cluster-wide").one(ClusterRole.class))
                        .get())
                .as("deploy/cluster-wide's ClusterRole is gone")
                .isNull();
        assertThat(admin.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName(HasMetadata.getPlural(PythonApp.class) + "." + HasMetadata.getGroup(PythonApp.class))
                        .get())
                .as("the CRD stays")
                .isNotNull();
    }
}

package dev.pythonapp.operator.install;

import static dev.pythonapp.operator.testing.Apps.app;
import static dev.pythonapp.operator.testing.Apps.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.pythonapp.operator.api.EolPolicy;
import dev.pythonapp.operator.api.Vocabulary.ConditionType;
import dev.pythonapp.operator.testing.Apps;
import dev.pythonapp.operator.testing.BuiltControlPlaneOnly;
import dev.pythonapp.operator.testing.IsolatedControlPlane;
import dev.pythonapp.operator.testing.OpenShiftStandInCrds;
import dev.pythonapp.operator.testing.PackagedOperator;
import dev.pythonapp.operator.testing.ServiceAccountKubeconfig;
import dev.pythonapp.operator.testing.TestNamespaces;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.openshift.api.model.BuildConfig;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged operator, running with a ServiceAccount token bound only to the shipped ClusterRole
 * (deploy/cluster-wide), against its own real control plane: a full reconcile works, and Secrets stay out of reach.
 */
@ExtendWith(BuiltControlPlaneOnly.class)
class ShippedRbacIT {
    static final String OPERATOR_NAMESPACE = PackagedOperator.DEFAULT_NAMESPACE;
    static final Path RBAC = Path.of("deploy", "cluster-wide", "without-crd");
    static final Path LEADER_ELECTION_RBAC = Path.of("deploy", "base", "role-leader-election.yaml");

    @RegisterExtension
    static final IsolatedControlPlane CP = new IsolatedControlPlane("control-plane-rbac").forPackagedOperator();

    static KubernetesClient admin;
    static KubernetesClient asOperator;
    static PackagedOperator operator;

    @BeforeAll
    static void operatorWithTheShippedRole() throws Exception {
        admin = CP.admin();
        OpenShiftStandInCrds.install(admin);
        for (String file : new String[] {"clusterrole.yaml", "clusterrolebinding.yaml"}) {
            try (var in = new FileInputStream(RBAC.resolve(file).toFile())) {
                admin.load(in).serverSideApply();
            }
        }
        // the packaged operator runs with leader election: the Lease Role of every install
        try (var in = new FileInputStream(LEADER_ELECTION_RBAC.toFile())) {
            admin.load(in).inNamespace(OPERATOR_NAMESPACE).serverSideApply();
        }
        Path kubeconfig = ServiceAccountKubeconfig.write(admin, OPERATOR_NAMESPACE, "pythonapp-operator");
        asOperator = CP.closeAfterAll(new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
                .build());

        operator = CP.closeAfterAll(new PackagedOperator.Launch("shipped-rbac-operator", kubeconfig)
                .env("POD_NAMESPACE", OPERATOR_NAMESPACE)
                .start());
    }

    @Test
    void aFullReconcileSucceedsWithOnlyTheShippedPermissions() throws IOException {
        String ns = TestNamespaces.create(admin, "rbac");
        Apps.create(admin, app(ns, "shipped", "3.8", s -> s.eolPolicy = EolPolicy.Rewrite));
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            assertThat(operator.isAlive())
                    .as("operator process (log %s)", operator.log())
                    .isTrue();
            assertThat(hasCondition(Apps.get(admin, ns, "shipped"), ConditionType.RECONCILED, "True", "Applied"))
                    .isTrue();
        });
        assertThat(hasCondition(Apps.get(admin, ns, "shipped"), ConditionType.BUILDER_SUPPORTED, "True", "Rewritten"))
                .isTrue();
        assertThat(admin.resources(BuildConfig.class)
                        .inNamespace(ns)
                        .withName("shipped")
                        .get())
                .isNotNull();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.v1().events().inNamespace(ns).list().getItems().stream()
                        .anyMatch(e -> "BuilderRewritten".equals(e.getReason())));
        // leader election is on in the packaged operator, with the shipped Lease Role
        assertThat(admin.leases()
                        .inNamespace(OPERATOR_NAMESPACE)
                        .withName("pythonapp-operator-leader")
                        .get())
                .isNotNull()
                .satisfies(
                        lease -> assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(operator.name()));
        assertThat(operator.logText())
                .as("operator log")
                .doesNotContain("forbidden")
                .doesNotContain("Forbidden");
    }

    @Test
    void secretsAreOutOfReach() {
        String ns = TestNamespaces.create(admin, "rbac-secrets");
        admin.secrets()
                .inNamespace(ns)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("db")
                        .endMetadata()
                        .addToStringData("password", "hunter2")
                        .build())
                .create();
        KubernetesClientException list = catchThrowableOfType(
                KubernetesClientException.class,
                () -> asOperator.secrets().inNamespace(ns).list());
        assertThat(list).isNotNull();
        assertThat(list.getCode()).isEqualTo(403);
        KubernetesClientException get = catchThrowableOfType(
                KubernetesClientException.class,
                () -> asOperator.secrets().inNamespace(ns).withName("db").get());
        assertThat(get).isNotNull();
        assertThat(get.getCode()).isEqualTo(403);
        // and the role really is in force: the same identity may read what it needs
        assertThat(asOperator.configMaps().inNamespace(ns).list()).isNotNull();
    }
}

package dev.pythonapp.operator.reconcile;

import static dev.pythonapp.operator.testing.Apps.app;
import static dev.pythonapp.operator.testing.Apps.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pythonapp.operator.api.BuilderSpec;
import dev.pythonapp.operator.api.EnvVarSpec;
import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.api.RouteSpec;
import dev.pythonapp.operator.api.RunSpec;
import dev.pythonapp.operator.api.Vocabulary.ConditionType;
import dev.pythonapp.operator.testing.Apps;
import dev.pythonapp.operator.testing.ControlPlane;
import dev.pythonapp.operator.testing.ControlPlaneResource;
import dev.pythonapp.operator.testing.NamespacedIT;
import dev.pythonapp.operator.testing.QuietReconcile;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.Route;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator, in-process, against the real kube-apiserver and kube-controller-manager. */
@QuarkusTest
@QuarkusTestResource(ControlPlaneResource.class)
class PythonAppReconcileIT extends NamespacedIT {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final List<Class<? extends HasMetadata>> CHILDREN =
            List.of(ImageStream.class, BuildConfig.class, Deployment.class, Service.class, Route.class);

    @Inject
    MeterRegistry registry;

    /** The operator's own client (the admin client of the tests reads objects in full). */
    @Inject
    KubernetesClient operatorClient;

    PythonApp awaitCondition(String name, ConditionType type, String status, String reason) {
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(Apps.get(client, ns, name))
                        .satisfies(a -> assertThat(hasCondition(a, type, status, reason))
                                .as(
                                        "%s=%s/%s in %s",
                                        type,
                                        status,
                                        reason,
                                        a == null ? null : a.getStatus() == null ? null : a.getStatus().conditions)
                                .isTrue()));
        return Apps.get(client, ns, name);
    }

    <T extends HasMetadata> T child(Class<T> type, String name) {
        return client.resources(type).inNamespace(ns).withName(name).get();
    }

    @Test
    void createsAllFiveChildrenWithOwnerReferencesLabelsBuilderAndEnv() {
        PythonApp created = Apps.create(client, app(ns, "django-ex", "3.12", s -> {
            s.source.git.ref = "master";
            s.run = new RunSpec();
            s.run.appModule = "wsgi:application";
            s.run.env = List.of(new EnvVarSpec("DJANGO_DEBUG", "false"));
            s.build = new dev.pythonapp.operator.api.BuildSpec();
            s.build.env = List.of(new EnvVarSpec("UPGRADE_PIP_TO_LATEST", "true"));
        }));
        PythonApp app = awaitCondition("django-ex", ConditionType.RECONCILED, "True", "Applied");

        for (Class<? extends HasMetadata> type : CHILDREN) {
            HasMetadata child = child(type, "django-ex");
            assertThat(child).as(type.getSimpleName()).isNotNull();
            OwnerReference owner = child.getMetadata().getOwnerReferences().get(0);
            assertThat(owner.getUid()).isEqualTo(created.getMetadata().getUid());
            assertThat(owner.getController()).isTrue();
            assertThat(owner.getKind()).isEqualTo("PythonApp");
            assertThat(child.getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/managed-by", "pythonapp-operator")
                    .containsEntry("app.openshift.io/runtime", "python")
                    .containsEntry("app.openshift.io/runtime-version", "3.12")
                    .doesNotContainKey("app.kubernetes.io/instance");
        }
        ImageStream is = child(ImageStream.class, "django-ex");
        assertThat(is.getSpec().getTags().get(0).getFrom().getName())
                .isEqualTo("registry.access.redhat.com/ubi9/python-312:latest");
        assertThat(is.getSpec().getTags().get(0).getImportPolicy().getScheduled())
                .isTrue();
        BuildConfig bc = child(BuildConfig.class, "django-ex");
        assertThat(bc.getSpec().getStrategy().getSourceStrategy().getFrom().getName())
                .isEqualTo("django-ex:builder");
        assertThat(bc.getSpec().getStrategy().getSourceStrategy().getEnv())
                .extracting(EnvVar::getName)
                .containsExactly("APP_MODULE", "UPGRADE_PIP_TO_LATEST");
        assertThat(bc.getSpec().getSource().getGit().getUri()).isEqualTo(Apps.DJANGO_EX);
        assertThat(bc.getSpec().getSource().getGit().getRef()).isEqualTo("master");
        assertThat(bc.getSpec().getTriggers())
                .extracting(t -> t.getType())
                .containsExactly("ConfigChange", "ImageChange");
        Deployment d = child(Deployment.class, "django-ex");
        assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .extracting(EnvVar::getName)
                .containsExactly("APP_MODULE", "DJANGO_DEBUG");
        assertThat(d.getMetadata().getAnnotations()).containsKey("image.openshift.io/triggers");
        assertThat(app.getStatus().builder.image).isEqualTo("registry.access.redhat.com/ubi9/python-312:latest");
        assertThat(app.getStatus().observedGeneration)
                .isEqualTo(app.getMetadata().getGeneration());
        assertThat(hasCondition(app, ConditionType.BUILDER_SUPPORTED, "True", "Supported"))
                .isTrue();
        assertThat(hasCondition(app, ConditionType.READY, "False", "AwaitingFirstBuild"))
                .as("no build has completed: %s", app.getStatus().conditions)
                .isTrue();
        assertThat(hasCondition(app, ConditionType.BUILT, "Unknown", "AwaitingBuild"))
                .isTrue();

        // the Deployment controller is not running here: play its part and report the Deployment available
        ControlPlane.shared().assumeBuilt("no Deployment controller running (a real one would overwrite the status)");
        makeDeploymentAvailable("django-ex");
        awaitCondition("django-ex", ConditionType.READY, "True", "Available");
    }

    void makeDeploymentAvailable(String name) {
        Deployment d = child(Deployment.class, name);
        d.setStatus(new DeploymentStatusBuilder()
                .withObservedGeneration(d.getMetadata().getGeneration())
                .withReplicas(1)
                .withReadyReplicas(1)
                .withAvailableReplicas(1)
                .withUpdatedReplicas(1)
                .addNewCondition()
                .withType("Available")
                .withStatus("True")
                .withReason("MinimumReplicasAvailable")
                .withMessage("Deployment has minimum availability.")
                .endCondition()
                .build());
        client.resource(d).updateStatus();
    }

    @Test
    void changingPythonVersionSwitchesTheBuilder() {
        Apps.create(client, app(ns, "upgrade", "3.12", s -> {
            s.builder = new BuilderSpec();
            s.builder.os = BuilderSpec.Os.UBI9;
        }));
        awaitCondition("upgrade", ConditionType.RECONCILED, "True", "Applied");
        client.resources(PythonApp.class).inNamespace(ns).withName("upgrade").edit(a -> {
            a.getSpec().pythonVersion = "3.14";
            return a;
        });
        PythonApp app = awaitCondition("upgrade", ConditionType.RECONCILED, "True", "Applied");
        assertThat(app.getMetadata().getGeneration()).isEqualTo(2L);
        assertThat(app.getStatus().builder.image).isEqualTo("registry.access.redhat.com/ubi9/python-314:latest");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(child(ImageStream.class, "upgrade")
                                .getSpec()
                                .getTags()
                                .get(0)
                                .getFrom()
                                .getName())
                        .isEqualTo("registry.access.redhat.com/ubi9/python-314:latest"));
        assertThat(child(BuildConfig.class, "upgrade").getMetadata().getLabels())
                .containsEntry("app.openshift.io/runtime-version", "3.14");
    }

    @Test
    void repairsEditedAndDeletedChildren() {
        Apps.create(client, app(ns, "drift", "3.12", s -> {}));
        awaitCondition("drift", ConditionType.RECONCILED, "True", "Applied");
        client.resources(BuildConfig.class).inNamespace(ns).withName("drift").edit(bc -> {
            bc.getSpec().getSource().getGit().setUri("https://example.com/someone-else.git");
            return bc;
        });
        client.services().inNamespace(ns).withName("drift").delete();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(child(BuildConfig.class, "drift")
                            .getSpec()
                            .getSource()
                            .getGit()
                            .getUri())
                    .isEqualTo(Apps.DJANGO_EX);
            assertThat(child(Service.class, "drift")).isNotNull();
        });
    }

    @Test
    void neverTakesOverAnObjectItDoesNotOwn() {
        Service foreign = client.resource(new ServiceBuilder()
                        .withNewMetadata()
                        .withName("taken")
                        .withNamespace(ns)
                        .addToLabels("owner", "someone-else")
                        .endMetadata()
                        .withNewSpec()
                        .addNewPort()
                        .withPort(9999)
                        .endPort()
                        .endSpec()
                        .build())
                .create();
        Apps.create(client, app(ns, "taken", "3.12", s -> {}));
        PythonApp app = awaitCondition("taken", ConditionType.RECONCILED, "False", "ObjectInTheWay");
        assertThat(Apps.condition(app, ConditionType.RECONCILED).orElseThrow().getMessage())
                .contains("Service taken")
                .contains("not owned by this PythonApp");
        Service after = child(Service.class, "taken");
        assertThat(after.getMetadata().getOwnerReferences()).isEmpty();
        assertThat(after.getSpec().getPorts().get(0).getPort()).isEqualTo(9999);
        assertThat(after.getMetadata().getResourceVersion())
                .isEqualTo(foreign.getMetadata().getResourceVersion());
        // the children that are not in the way are created, and owned by the app
        assertThat(child(Deployment.class, "taken").getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(ref ->
                        assertThat(ref.getUid()).isEqualTo(app.getMetadata().getUid()));

        // once the object is gone, the operator notices on its own (it rechecks) and applies everything
        client.resource(after).delete();
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(hasCondition(
                                Apps.get(client, ns, "taken"), ConditionType.RECONCILED, "True", "Applied"))
                        .isTrue());
    }

    @Test
    void deletingTheAppGarbageCollectsItsChildren() {
        ControlPlane.shared().assumeBuilt("garbage collection by its kube-controller-manager");
        Apps.create(client, app(ns, "short-lived", "3.12", s -> {}));
        awaitCondition("short-lived", ConditionType.RECONCILED, "True", "Applied");
        client.resources(PythonApp.class)
                .inNamespace(ns)
                .withName("short-lived")
                .delete();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (Class<? extends HasMetadata> type : CHILDREN) {
                assertThat(child(type, "short-lived")).as(type.getSimpleName()).isNull();
            }
        });
    }

    @Test
    void hotDeployMountsAGeneratedGunicornConfig() {
        Apps.create(client, app(ns, "hot", "3.12", s -> {
            s.run = new RunSpec();
            s.run.appModule = "wsgi";
            s.run.hotDeploy = true;
        }));
        awaitCondition("hot", ConditionType.RECONCILED, "True", "Applied");
        ConfigMap config = child(ConfigMap.class, "hot-gunicorn");
        assertThat(config.getData().get("gunicorn.conf.py"))
                .contains("reload = True")
                .contains("bind = \"0.0.0.0:8080\"");
        Deployment d = child(Deployment.class, "hot");
        assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .contains(new EnvVar("APP_CONFIG", "/opt/app-root/etc/pythonapp/gunicorn.conf.py", null));
        assertThat(d.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getVolumes()
                        .get(0)
                        .getConfigMap()
                        .getName())
                .isEqualTo("hot-gunicorn");
        assertThat(child(BuildConfig.class, "hot")
                        .getSpec()
                        .getStrategy()
                        .getSourceStrategy()
                        .getEnv())
                .extracting(EnvVar::getName)
                .doesNotContain("APP_CONFIG");

        client.resources(PythonApp.class).inNamespace(ns).withName("hot").edit(a -> {
            a.getSpec().run.hotDeploy = false;
            return a;
        });
        await().atMost(TIMEOUT)
                .untilAsserted(
                        () -> assertThat(child(ConfigMap.class, "hot-gunicorn")).isNull());
    }

    @Test
    void anImpossibleBuilderIsReportedWithTheValidChoices() {
        Apps.create(client, app(ns, "no-such-builder", "3.13", s -> {
            s.builder = new BuilderSpec();
            s.builder.os = BuilderSpec.Os.UBI9;
        }));
        PythonApp app =
                awaitCondition("no-such-builder", ConditionType.RECONCILED, "False", "InvalidBuilderCombination");
        assertThat(Apps.condition(app, ConditionType.RECONCILED).orElseThrow().getMessage())
                .isEqualTo(
                        "Python 3.13 has no builder image on ubi9. Python 3.13 is available on: c10s (full, minimal), "
                                + "fedora (full, minimal)");
        assertThat(hasCondition(app, ConditionType.READY, "False", "NotReconciled"))
                .isTrue();
        assertThat(child(BuildConfig.class, "no-such-builder")).isNull();

        // fixing the spec recovers without any other action
        client.resources(PythonApp.class)
                .inNamespace(ns)
                .withName("no-such-builder")
                .edit(a -> {
                    a.getSpec().builder.os = BuilderSpec.Os.C10S;
                    return a;
                });
        awaitCondition("no-such-builder", ConditionType.RECONCILED, "True", "Applied");
    }

    @Test
    void theOperatorsClientReadsObjectsWithoutManagedFields() {
        Apps.create(client, app(ns, "lean", "3.12", s -> {}));
        awaitCondition("lean", ConditionType.RECONCILED, "True", "Applied");
        assertThat(child(Deployment.class, "lean").getMetadata().getManagedFields())
                .extracting(ManagedFieldsEntry::getManager)
                .contains(PythonAppReconciler.FIELD_MANAGER);
        Deployment read = operatorClient
                .apps()
                .deployments()
                .inNamespace(ns)
                .withName("lean")
                .get();
        assertThat(read.getMetadata().getManagedFields()).isNullOrEmpty();
        assertThat(read.getMetadata().getOwnerReferences()).hasSize(1);
        assertThat(read.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
    }

    @Test
    void routeCanBeTurnedOff() {
        Apps.create(client, app(ns, "no-route", "3.12", s -> {
            s.route = new RouteSpec();
            s.route.enabled = false;
        }));
        awaitCondition("no-route", ConditionType.RECONCILED, "True", "Applied");
        assertThat(child(Service.class, "no-route")).isNotNull();
        assertThat(child(Route.class, "no-route")).isNull();
    }

    @Test
    void aReconcileWithNothingToChangeWritesNothing() {
        Apps.create(client, app(ns, "steady", "3.12", s -> {}));
        awaitCondition("steady", ConditionType.RECONCILED, "True", "Applied");
        assertThat(QuietReconcile.writesDuringAReconcile(client, registry, ns, "steady"))
                .as("write calls by the operator during a reconcile that had nothing to change")
                .isEmpty();
    }
}

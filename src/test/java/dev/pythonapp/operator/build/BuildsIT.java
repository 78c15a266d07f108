package dev.pythonapp.operator.build;

import static dev.pythonapp.operator.testing.Apps.app;
import static dev.pythonapp.operator.testing.Apps.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pythonapp.operator.api.BuildSpec;
import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.api.RuntimeSpec;
import dev.pythonapp.operator.api.SourceSpec;
import dev.pythonapp.operator.api.Vocabulary.ConditionType;
import dev.pythonapp.operator.testing.Apps;
import dev.pythonapp.operator.testing.ArgoCdHealth;
import dev.pythonapp.operator.testing.AuditLog;
import dev.pythonapp.operator.testing.BuildSimulator;
import dev.pythonapp.operator.testing.ControlPlane;
import dev.pythonapp.operator.testing.PackagedOperator;
import dev.pythonapp.operator.testing.ProjectCrds;
import dev.pythonapp.operator.testing.TestNamespaces;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.BuildTriggerPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds on a real kube-apiserver with the packaged operator (so it can be restarted), its own control plane and
 * audit log. OpenShift's build controller is simulated ({@link BuildSimulator}); {@code instantiate} is not served by
 * the stand-in CRDs, so every build request is proven from the audit log, which records its BuildRequest body.
 */
class BuildsIT {
    static final Duration TIMEOUT = Duration.ofSeconds(90);
    static final String PUBLIC_API = "https://api.cluster.example.com:6443";
    static final ObjectMapper JSON = new ObjectMapper();

    static ControlPlane cp;
    static KubernetesClient admin;
    static PackagedOperator operator;

    @BeforeAll
    static void controlPlaneAndOperator() {
        cp = ControlPlane.isolated("control-plane-builds");
        admin = cp.adminClient();
        ProjectCrds.install(admin);
        TestNamespaces.ensure(admin, PackagedOperator.DEFAULT_NAMESPACE);
        operator = start("builds-operator-1");
    }

    static PackagedOperator start(String name) {
        PackagedOperator started = new PackagedOperator.Launch(name, cp.operatorKubeconfig())
                .env("PYTHONAPP_CLUSTER_PUBLIC_API_URL", PUBLIC_API)
                .start();
        await().atMost(Duration.ofSeconds(60)).until(() -> started.answers("/q/health/ready"));
        return started;
    }

    @AfterAll
    static void stop() {
        if (operator != null) {
            operator.close();
        }
        if (cp != null) {
            cp.stop();
        }
    }

    static PythonApp awaitCondition(String ns, String name, ConditionType type, String status, String reason) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            PythonApp a = Apps.get(admin, ns, name);
            assertThat(hasCondition(a, type, status, reason))
                    .as("%s=%s/%s in %s", type, status, reason, a.getStatus() == null ? null : a.getStatus().conditions)
                    .isTrue();
        });
        return Apps.get(admin, ns, name);
    }

    static List<JsonNode> buildRequests(String ns, String name) {
        return AuditLog.requests(cp.auditLog(), "/namespaces/" + ns + "/buildconfigs/" + name + "/instantiate");
    }

    static PythonApp edit(String ns, String name, Consumer<PythonApp> change) {
        return admin.resources(PythonApp.class).inNamespace(ns).withName(name).edit(a -> {
            change.accept(a);
            return a;
        });
    }

    /**
     * Makes the operator reconcile without changing anything it owns, and waits for it: a label added to a child is
     * an event, but the child still matches its desired state, so the reconcile has nothing to do.
     */
    static void awaitNoOpReconcile(String ns, String name) {
        double before = operator.metrics().sum("pythonapp_reconciliations_total");
        admin.services().inNamespace(ns).withName(name).edit(s -> {
            s.getMetadata().getLabels().put("touched", String.valueOf(System.nanoTime()));
            return s;
        });
        await().atMost(TIMEOUT).until(() -> operator.metrics().sum("pythonapp_reconciliations_total") > before);
    }

    @Test
    void switchingTheRuntimeOnAndOffRequestsOneBuildEachNamingWhatChanged() {
        String ns = TestNamespaces.create(admin, "builds-runtime");
        Apps.create(admin, app(ns, "small", "3.12", s -> {}));
        awaitCondition(ns, "small", ConditionType.BUILT, "Unknown", "AwaitingBuild");

        edit(ns, "small", a -> {
            a.getSpec().runtime = new RuntimeSpec();
            a.getSpec().runtime.packages = List.of("httpd");
        });
        await().atMost(TIMEOUT).until(() -> buildRequests(ns, "small").size() == 1);
        PythonApp on = awaitCondition(ns, "small", ConditionType.BUILT, "False", "InstantiateNotServed");
        assertThat(on.getStatus().build.request.triggeredBy)
                .isEqualTo("pythonapp-operator: build inputs changed: dockerfile, imageSources, runtime");

        edit(ns, "small", a -> a.getSpec().runtime = null);
        await().atMost(TIMEOUT).until(() -> buildRequests(ns, "small").size() == 2);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(Apps.get(admin, ns, "small").getStatus().build.request.triggeredBy)
                        .isEqualTo("pythonapp-operator: build inputs changed: dockerfile, imageSources, runtime"));
        awaitNoOpReconcile(ns, "small");
        assertThat(buildRequests(ns, "small")).as("nothing more to build").hasSize(2);
    }

    @Test
    void anInputChangeRequestsExactlyOneBuildNamingItAlsoAcrossARestart() throws Exception {
        String ns = TestNamespaces.create(admin, "builds-request");
        Apps.create(admin, app(ns, "web", "3.12", s -> {
            s.source.git.ref = "main";
            s.build = new BuildSpec();
            s.build.webhookSecretRef = new SourceSpec.SecretReference();
            s.build.webhookSecretRef.name = "push-secret";
        }));
        PythonApp created = awaitCondition(ns, "web", ConditionType.BUILT, "Unknown", "AwaitingBuild");
        assertThat(buildRequests(ns, "web"))
                .as("a new BuildConfig is built by its ConfigChange trigger, not by a request")
                .isEmpty();
        assertThat(created.getStatus().build.webhooks)
                .extracting(w -> w.type + " " + w.url)
                .containsExactly(
                        "GitHub " + PUBLIC_API + "/apis/build.openshift.io/v1/namespaces/" + ns
                                + "/buildconfigs/web/webhooks/<secret>/github",
                        "GitLab " + PUBLIC_API + "/apis/build.openshift.io/v1/namespaces/" + ns
                                + "/buildconfigs/web/webhooks/<secret>/gitlab",
                        "Generic " + PUBLIC_API + "/apis/build.openshift.io/v1/namespaces/" + ns
                                + "/buildconfigs/web/webhooks/<secret>/generic");
        BuildConfig bc = admin.resources(BuildConfig.class)
                .inNamespace(ns)
                .withName("web")
                .get();
        assertThat(bc.getSpec().getTriggers())
                .extracting(BuildTriggerPolicy::getType)
                .contains("GitHub", "GitLab", "Generic");

        edit(ns, "web", a -> a.getSpec().source.git.ref = "v2");
        await().atMost(TIMEOUT).until(() -> buildRequests(ns, "web").size() == 1);
        JsonNode request = buildRequests(ns, "web").get(0);
        assertThat(request.path("verb").asText()).isEqualTo("create");
        assertThat(request.path("user").path("username").asText()).isEqualTo(AuditLog.OPERATOR_USER);
        assertThat(request.path("responseStatus").path("code").asInt())
                .as("the stand-in CRDs do not serve instantiate")
                .isEqualTo(404);
        PythonApp notServed = awaitCondition(ns, "web", ConditionType.BUILT, "False", "InstantiateNotServed");
        // the server logs no body for a route it does not serve: the BuildRequest's message is in status and the
        // event (its serialization is checked by BuildRequesterTest)
        assertThat(notServed.getStatus().build.request.triggeredBy)
                .isEqualTo("pythonapp-operator: build inputs changed: git.ref");
        assertThat(notServed.getStatus().build.request.outcome).isEqualTo("NotServed");
        assertThat(events(ns, "BuildRequested"))
                .extracting(Event::getMessage)
                .containsExactly("could not request a build (buildconfigs/instantiate is not served): "
                        + "pythonapp-operator: build inputs changed: git.ref");
        assertThat(admin.resources(BuildConfig.class)
                        .inNamespace(ns)
                        .withName("web")
                        .get()
                        .getSpec()
                        .getSource()
                        .getGit()
                        .getRef())
                .as("the BuildConfig is updated before the build is requested")
                .isEqualTo("v2");

        awaitNoOpReconcile(ns, "web");
        operator.stop(Duration.ofSeconds(30));
        operator = start("builds-operator-2");
        await().atMost(TIMEOUT).until(() -> operator.metrics().sum("pythonapp_reconciliations_total") >= 1);
        awaitNoOpReconcile(ns, "web");
        assertThat(buildRequests(ns, "web"))
                .as("no request after a no-op reconcile or a restart")
                .hasSize(1);

        edit(ns, "web", a -> a.getMetadata().setAnnotations(Map.of(PythonApp.REBUILD_ANNOTATION, "2026-12-02T10:00")));
        await().atMost(TIMEOUT).until(() -> buildRequests(ns, "web").size() == 2);
        await().atMost(TIMEOUT)
                .until(() -> "pythonapp-operator: rebuild requested (annotation pythonapp.dev/rebuild changed)"
                        .equals(Apps.get(admin, ns, "web").getStatus().build.request.triggeredBy));
        awaitNoOpReconcile(ns, "web");
        assertThat(buildRequests(ns, "web")).hasSize(2);
        assertThat(operator.logText()).doesNotContain("ERROR");
    }

    @Test
    void aFailedBuildExplainsItselfAndASuccessfulOneReportsCommitAndDigest() throws Exception {
        String ns = TestNamespaces.create(admin, "builds-report");
        Apps.create(admin, app(ns, "api", "3.12", s -> {}));
        awaitCondition(ns, "api", ConditionType.BUILT, "Unknown", "AwaitingBuild");
        var builds = new BuildSimulator(admin, ns);
        Instant t0 = Instant.parse("2026-12-02T10:00:00Z");

        builds.start("api", "Build configuration change");
        builds.run("api-1", "1111111111111111111111111111111111111111", t0);
        PythonApp running = awaitCondition(ns, "api", ConditionType.BUILT, "Unknown", "Building");
        assertThat(Apps.condition(running, ConditionType.READY).orElseThrow().getReason())
                .isEqualTo("AwaitingFirstBuild");
        assertThat(ArgoCdHealth.of(running).status()).isEqualTo("Progressing");

        builds.fail(
                "api-1",
                "GenericBuildFailed",
                "Generic Build failure - check logs for details.",
                """
                Collecting uwsgi==2.0.26
                  Downloading uwsgi-2.0.26.tar.gz (810 kB)
                Building wheels for collected packages: uwsgi
                  Building wheel for uwsgi (setup.py): finished with status 'error'
                  error: command 'gcc' failed: No such file or directory
                ERROR: Failed building wheel for uwsgi
                """,
                Duration.ofSeconds(75));
        PythonApp failed = awaitCondition(ns, "api", ConditionType.BUILT, "False", "BuildFailed");
        String message =
                Apps.condition(failed, ConditionType.BUILT).orElseThrow().getMessage();
        assertThat(message).contains("api-1").containsIgnoringCase("compiler");
        assertThat(failed.getStatus().build.name).isEqualTo("api-1");
        assertThat(failed.getStatus().build.reason).isEqualTo("GenericBuildFailed");
        assertThat(failed.getStatus().build.duration).isEqualTo("1m15s");
        ArgoCdHealth.Health health = ArgoCdHealth.of(failed);
        assertThat(health.status()).isEqualTo("Degraded");
        assertThat(health.message()).contains(message);
        await().atMost(TIMEOUT).until(() -> events(ns, "BuildFailed").size() == 1);

        builds.start("api", "Manually triggered");
        builds.run("api-2", "2222222222222222222222222222222222222222", t0.plusSeconds(600));
        builds.complete("api-2", "sha256:0123456789abcdef", Duration.ofSeconds(42));
        PythonApp built = awaitCondition(ns, "api", ConditionType.BUILT, "True", "BuildComplete");
        assertThat(built.getStatus().build.commit).isEqualTo("2222222222222222222222222222222222222222");
        assertThat(built.getStatus().build.outputDigest).isEqualTo("sha256:0123456789abcdef");
        assertThat(built.getStatus().build.number).isEqualTo(2);
        assertThat(built.getStatus().build.triggeredBy).isEqualTo("Manually triggered");
        await().atMost(TIMEOUT).until(() -> events(ns, "BuildCompleted").size() == 1);
        assertThat(events(ns, "BuildFailed")).as("one event per build outcome").hasSize(1);
        assertThat(operator.metrics().sum("pythonapp_builds", Map.of("phase", "Complete")))
                .isGreaterThanOrEqualTo(1.0);

        // kubectl get pyapp: the API server's table view (what kubectl prints) has the Build and Built columns
        JsonNode columns = JSON.readTree(admin.getHttpClient()
                .sendAsync(
                        admin.getHttpClient()
                                .newHttpRequestBuilder()
                                .uri(admin.getMasterUrl() + "apis/pythonapp.dev/v1alpha1/namespaces/" + ns
                                        + "/pythonapps")
                                .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io")
                                .build(),
                        String.class)
                .get()
                .body());
        List<String> names = columns.path("columnDefinitions").findValuesAsText("name");
        int buildColumn = names.indexOf("Build");
        int builtColumn = names.indexOf("Built");
        assertThat(buildColumn).as("columns %s", names).isNotNegative();
        assertThat(columns.path("rows").get(0).path("cells").get(buildColumn).asText())
                .isEqualTo("api-2");
        assertThat(columns.path("rows").get(0).path("cells").get(builtColumn).asText())
                .isEqualTo("BuildComplete");
    }

    static List<Event> events(String ns, String reason) {
        return admin.v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> reason.equals(e.getReason()))
                .toList();
    }
}

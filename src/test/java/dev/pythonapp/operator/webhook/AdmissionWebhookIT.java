package dev.pythonapp.operator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.eol.BuildConfigBuilders;
import dev.pythonapp.operator.testing.ControlPlane;
import dev.pythonapp.operator.testing.ControlPlaneResource;
import dev.pythonapp.operator.testing.NamespacedIT;
import io.fabric8.openshift.api.model.BuildConfig;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator's admission webhooks, called over TLS by the real kube-apiserver, as kubectl users see them. */
@QuarkusTest
@QuarkusTestResource(ControlPlaneResource.class)
class AdmissionWebhookIT extends NamespacedIT {
    static final String OC_NEW_APP_BUILDCONFIG = """
            apiVersion: build.openshift.io/v1
            kind: BuildConfig
            metadata:
              name: django-ex
              annotations: {openshift.io/generated-by: OpenShiftNewApp}
            spec:
              source: {type: Git, git: {uri: "https://github.com/sclorg/django-ex.git"}}
              strategy:
                type: Source
                sourceStrategy:
                  from: {kind: ImageStreamTag, namespace: openshift, name: "python:3.8-ubi8"}
              output: {to: {kind: ImageStreamTag, name: "django-ex:latest"}}
            """;

    record Kubectl(int exit, String stdout, String stderr) {}

    /** A PythonApp of django-ex named {@code name} as a user writes it; {@code spec} (YAML) follows the source. */
    static String djangoEx(String name, String spec) {
        return """
                apiVersion: pythonapp.dev/v1alpha1
                kind: PythonApp
                metadata: {name: %s}
                spec:
                  source: {git: {uri: "https://github.com/sclorg/django-ex.git"}}
                %s""".formatted(name, spec.indent(2));
    }

    Kubectl kubectlApply(String yaml) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "kubectl",
                        "--kubeconfig",
                        ControlPlane.shared().kubeconfig().toString(),
                        "-n",
                        ns,
                        "apply",
                        "-f",
                        "-")
                .start();
        p.getOutputStream().write(yaml.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Kubectl(p.waitFor(), out, err);
    }

    /** Applies {@code yaml}, which the webhook must refuse; returns what kubectl printed on stderr. */
    String refused(String yaml) throws IOException, InterruptedException {
        Kubectl result = kubectlApply(yaml);
        assertThat(result.exit()).as(result.stdout()).isNotZero();
        assertThat(result.stderr()).contains("denied the request");
        return result.stderr();
    }

    @Test
    void kubectlApplyOfAnEndOfLifeBuildConfigPrintsTheWarning() throws Exception {
        Kubectl result = kubectlApply(OC_NEW_APP_BUILDCONFIG);
        assertThat(result.exit()).as(result.stderr()).isZero();
        assertThat(result.stderr())
                .contains(
                        "Warning: builder ubi8/python-38 reached end of life on 2023-05-31; successor ubi8/python-312");
        // not opted in: the BuildConfig is stored as written
        assertThat(client.resources(BuildConfig.class)
                        .inNamespace(ns)
                        .withName("django-ex")
                        .get()
                        .getSpec()
                        .getStrategy()
                        .getSourceStrategy()
                        .getFrom()
                        .getName())
                .isEqualTo("python:3.8-ubi8");
    }

    @Test
    void aDockerBuildOnACommunityImageGetsItsLifecycleAndTheInlineDockerfileFindings() throws Exception {
        Kubectl result = kubectlApply("""
                apiVersion: build.openshift.io/v1
                kind: BuildConfig
                metadata:
                  name: worker
                spec:
                  source:
                    dockerfile: |
                      FROM python:3.8-slim
                      COPY . /app
                      RUN pip install pip --upgrade pip install -r /app/requirements.txt
                  strategy:
                    type: Docker
                    dockerStrategy:
                      from: {kind: DockerImage, name: "python:3.8-slim"}
                """);
        assertThat(result.exit()).as(result.stderr()).isZero();
        assertThat(result.stderr())
                .contains("Warning: builder python:3.8-slim reached end of life on 2024-10-07 (CPython); successor "
                        + "python:3.11-slim")
                .contains(
                        "Warning: Dockerfile line 3 [pip-commands-run-together] fix: pip install pip --upgrade && pip "
                                + "install -r /app/requirements.txt");
    }

    @Test
    void kubectlApplyOfAnEndOfLifePythonAppPrintsTheWarningAndTheRewrite() throws Exception {
        Kubectl result = kubectlApply(djangoEx("legacy", """
                pythonVersion: "3.8"
                builder: {os: ubi8}
                """));
        assertThat(result.exit()).as(result.stderr()).isZero();
        assertThat(result.stderr())
                .contains("Warning: builder ubi8/python-38 reached end of life on 2023-05-31")
                .contains(
                        "Warning: the operator builds with registry.access.redhat.com/ubi8/python-312:latest (policy Rewrite)");
        assertThat(result.stderr().lines().filter(l -> l.startsWith("Warning:")))
                .allSatisfy(l -> assertThat(l.length() - "Warning: ".length()).isLessThanOrEqualTo(120));
    }

    @Test
    void blockRefusesANewAppOnAnEndOfLifeBuilder() throws Exception {
        String stderr = refused(djangoEx("blocked", """
                pythonVersion: "3.9"
                builder: {os: ubi8}
                eolPolicy: Block
                """));
        assertThat(stderr).contains("eolPolicy Block").contains("ubi8/python-39 reached end of life on 2025-11-30");
    }

    @Test
    void aRuntimeOfAnotherPythonVersionIsRefusedWithTheReason() throws Exception {
        String stderr = refused(djangoEx("mismatched", """
                pythonVersion: "3.12"
                runtime: {image: registry.access.redhat.com/ubi9/python-314-minimal}
                """));
        assertThat(stderr)
                .contains("runtime.image ubi9/python-314-minimal is Python 3.14 on ubi9, but builder ubi9/python-312 "
                        + "is Python 3.12 on ubi9")
                .contains("the virtualenv copied from the builder points at the builder's interpreter");
    }

    @Test
    void runtimeSettingsWithABuilderTheCatalogDoesNotKnowAreRefused() throws Exception {
        String stderr = refused(djangoEx("custom-builder", """
                pythonVersion: "3.12"
                builder: {image: quay.io/acme/python-312-custom}
                runtime: {variant: minimal}
                """));
        assertThat(stderr)
                .contains("spec.runtime needs a builder image the catalog knows: builder.image "
                        + "quay.io/acme/python-312-custom is not in the builder catalog");
    }

    @Test
    void kubectlApplyOfAnAppOnEndOfLifeImagesWarnsAboutBoth() throws Exception {
        Kubectl result = kubectlApply(djangoEx("legacy-small", """
                pythonVersion: "3.11"
                builder: {os: ubi8}
                runtime: {variant: minimal, packages: [httpd]}
                """));
        assertThat(result.exit()).as(result.stderr()).isZero();
        assertThat(result.stderr())
                .contains(
                        "Warning: builder ubi8/python-311 reached end of life on 2026-05-31; successor ubi8/python-312")
                .contains("Warning: runtime ubi8/python-311-minimal reached end of life on 2026-05-31; successor "
                        + "ubi8/python-312-minimal")
                .contains("Warning: the operator runs it on registry.access.redhat.com/ubi8/python-312-minimal:latest "
                        + "(policy Rewrite)");
    }

    @Test
    void optedInNamespaceGetsTheSuccessorAtCreation() throws Exception {
        client.namespaces().withName(ns).edit(n -> {
            n.getMetadata().getLabels().put("pythonapp.dev/eol-buildconfigs", "rewrite");
            return n;
        });
        Kubectl result = kubectlApply(OC_NEW_APP_BUILDCONFIG);
        assertThat(result.exit()).as(result.stderr()).isZero();
        BuildConfig stored = client.resources(BuildConfig.class)
                .inNamespace(ns)
                .withName("django-ex")
                .get();
        assertThat(stored.getSpec().getStrategy().getSourceStrategy().getFrom().getName())
                .isEqualTo("python:3.12-ubi8");
        assertThat(stored.getSpec().getStrategy().getSourceStrategy().getFrom().getNamespace())
                .isEqualTo("openshift");
        assertThat(stored.getMetadata().getAnnotations())
                .containsEntry(
                        BuildConfigBuilders.REWRITTEN_FROM_ANNOTATION, "ImageStreamTag openshift/python:3.8-ubi8");
        assertThat(List.of(stored.getMetadata().getAnnotations().get("openshift.io/generated-by")))
                .containsExactly("OpenShiftNewApp");
    }
}

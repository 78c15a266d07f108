package dev.pythonapp.operator.install;

import static dev.pythonapp.operator.install.Kinds.assertKinds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.install.Renders.ChartVariant;
import dev.pythonapp.operator.testing.Command;
import dev.pythonapp.operator.testing.ProjectCrds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Helm chart, with the real helm (built with go by hack/helm-tool): lint, what each documented value combination
 * renders, the values schema and the packaged chart. Kinds are derived from deploy/cluster-wide (see {@link Kinds}).
 */
class ChartIT {
    static final String NS = Renders.NAMESPACE;

    static Manifests chart(ChartVariant variant) {
        return Renders.chart(variant);
    }

    static Kinds defaultKinds() {
        return Kinds.of(Renders.kustomize("cluster-wide")).minus(Kinds.NAMESPACE);
    }

    @Test
    void helmIsThePinnedVersion() {
        String pinned = Command.run(List.of("hack/helm-tool", "env"))
                .stdoutOrFail()
                .lines()
                .filter(l -> l.startsWith("HELM_VERSION="))
                .findFirst()
                .orElseThrow()
                .substring("HELM_VERSION=".length());
        assertThat(Renders.helm(List.of("version", "--template", "{{.Version}}"))
                        .stdoutOrFail()
                        .strip())
                .isEqualTo(pinned);
    }

    @Test
    void chartCrdIsASymlinkToTheCommittedCrd() throws IOException {
        Path link = Renders.CHART.resolve("crds").resolve(ProjectCrds.PYTHONAPP_CRD.getFileName());
        assertThat(Files.isSymbolicLink(link))
                .as("%s must be a symlink to %s", link, ProjectCrds.PYTHONAPP_CRD)
                .isTrue();
        assertThat(link.toRealPath()).isEqualTo(ProjectCrds.PYTHONAPP_CRD.toRealPath());
    }

    @ParameterizedTest
    @EnumSource(ChartVariant.class)
    void lintStrict(ChartVariant variant) {
        List<String> args = new ArrayList<>(List.of("lint", "--strict", Renders.CHART.toString()));
        args.addAll(variant.setArgs());
        Command.Result lint = Renders.helm(args);
        assertThat(lint.exit()).as("%s\n%s", lint, lint.stdout()).isZero();
    }

    @Test
    void defaultsInstallClusterWideWithWebhooks() {
        Manifests m = chart(ChartVariant.DEFAULTS);
        assertKinds(m, defaultKinds());
        InstallAssertions.deployment(m, true, null);
        InstallAssertions.service(m, true, null);
        InstallAssertions.webhooks(m, NS, null, null);
    }

    @Test
    void watchNamespacesScopesRbacWebhooksAndTheOperator() {
        Manifests m = chart(ChartVariant.WATCH_NAMESPACES);
        // a Role and RoleBinding in team-a, team-b and (not watched) the operator's own namespace, for the catalog
        assertKinds(
                m,
                defaultKinds()
                        .minus(Kinds.CLUSTER_RBAC)
                        .plus(Kinds.ROLE)
                        .plus(Kinds.ROLE)
                        .plus(Kinds.ROLE));
        InstallAssertions.deployment(m, true, "team-a,team-b");
        InstallAssertions.service(m, true, null);
        InstallAssertions.webhooks(m, NS, null, List.of("team-a", "team-b"));
    }

    @Test
    void certManagerIssuesTheWebhookCertificateAndInjectsItsCa() {
        Manifests m = chart(ChartVariant.CERT_MANAGER);
        assertKinds(m, defaultKinds().plus("Issuer", "Certificate"));
        InstallAssertions.deployment(m, true, null);
        Service svc = InstallAssertions.service(m, true, null);
        GenericKubernetesResource issuer = (GenericKubernetesResource) m.oneOfKind("Issuer");
        GenericKubernetesResource cert = (GenericKubernetesResource) m.oneOfKind("Certificate");
        assertThat((Object) issuer.get("spec")).as("Issuer spec").isEqualTo(Map.of("selfSigned", Map.of()));
        assertThat((String) cert.get("spec", "secretName")).isEqualTo(InstallAssertions.WEBHOOK_TLS_SECRET);
        assertThat((String) cert.get("spec", "issuerRef", "name"))
                .isEqualTo(issuer.getMetadata().getName());
        assertThat((List<Object>) cert.get("spec", "dnsNames"))
                .as("Certificate dnsNames")
                .contains(svc.getMetadata().getName() + "." + NS + ".svc");
        InstallAssertions.webhooks(
                m,
                NS,
                Map.of(
                        "cert-manager.io/inject-ca-from",
                        NS + "/" + cert.getMetadata().getName()),
                null);
    }

    @Test
    void openShiftServiceCaSignsTheServiceAndInjectsItsCa() {
        Manifests m = chart(ChartVariant.OPENSHIFT_SERVICE_CA);
        assertKinds(m, defaultKinds());
        InstallAssertions.deployment(m, true, null);
        InstallAssertions.service(
                m,
                true,
                Map.of("service.beta.openshift.io/serving-cert-secret-name", InstallAssertions.WEBHOOK_TLS_SECRET));
        InstallAssertions.webhooks(m, NS, Map.of("service.beta.openshift.io/inject-cabundle", "true"), null);
    }

    @Test
    void serviceMonitorScrapesTheMetricsPort() {
        Manifests m = chart(ChartVariant.SERVICE_MONITOR);
        assertKinds(m, defaultKinds().plus("ServiceMonitor"));
        ServiceMonitor monitor = m.one(ServiceMonitor.class);
        assertThat(monitor.getSpec().getEndpoints())
                .as("ServiceMonitor endpoints")
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getPort()).isEqualTo("http-metrics");
                    assertThat(e.getPath()).isEqualTo("/q/metrics");
                });
        Map<String, String> selector = monitor.getSpec().getSelector().getMatchLabels();
        assertThat(selector).as("ServiceMonitor selector").isNotEmpty();
        assertThat(m.one(Service.class).getMetadata().getLabels())
                .as("the ServiceMonitor selects the Service")
                .containsAllEntriesOf(selector);
    }

    @Test
    void webhookDisabledDropsWebhooksAndTls() {
        Manifests m = chart(ChartVariant.WEBHOOK_DISABLED);
        assertKinds(m, defaultKinds().minus(Kinds.WEBHOOKS));
        InstallAssertions.deployment(m, false, null);
        InstallAssertions.service(m, false, null);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "eol.policy=Sometimes",
                "eol.basis=vendors",
                "eol.warnDays=-1",
                "webhook.certificate.source=vault",
                "imagePullPolicy=Always",
                "watchNamespaces={Team_A}"
            })
    void valuesSchemaRejects(String value) {
        Command.Result render = Renders.helm(List.of("template", "x", Renders.CHART.toString(), "--set", value));
        assertThat(render.exit()).as("helm template --set %s must fail", value).isNotZero();
        assertThat(render.stderr()).as("rejected by values.schema.json").contains("schema");
    }

    @Test
    void packagedChartCarriesTheCrd(@TempDir Path dir) throws IOException {
        Renders.helm(List.of("package", Renders.CHART.toString(), "-d", dir.toString()))
                .stdoutOrFail();
        try (var packages = Files.list(dir)) {
            Path tgz = packages.filter(p -> p.toString().endsWith(".tgz"))
                    .findFirst()
                    .orElseThrow();
            String crd = Command.run(List.of(
                            "tar",
                            "-xzOf",
                            tgz.toString(),
                            "pythonapp-operator/crds/" + ProjectCrds.PYTHONAPP_CRD.getFileName()))
                    .stdoutOrFail();
            assertThat(crd).as("CRD in %s", tgz.getFileName()).isEqualTo(Files.readString(ProjectCrds.PYTHONAPP_CRD));
        }
    }
}

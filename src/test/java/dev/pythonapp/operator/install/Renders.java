package dev.pythonapp.operator.install;

import dev.pythonapp.operator.testing.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The installs as the real tools render them: {@code helm template} of the chart (helm built with go by
 * hack/helm-tool) and {@code kubectl kustomize} of deploy/. Renders are cached per JVM.
 */
final class Renders {
    static final Path CHART = Path.of("helm", "pythonapp-operator");
    /** Release and namespace the chart variants are rendered with: the names deploy/ uses. */
    static final String NAMESPACE = "pythonapp-operator";

    /** The chart's documented value combinations (docs/install.md, helm/pythonapp-operator/README.md). */
    enum ChartVariant {
        DEFAULTS(),
        WATCH_NAMESPACES("watchNamespaces={team-a,team-b}"),
        CERT_MANAGER("webhook.certificate.source=cert-manager"),
        OPENSHIFT_SERVICE_CA("webhook.certificate.source=openshift-service-ca"),
        SERVICE_MONITOR("metrics.serviceMonitor.enabled=true"),
        WEBHOOK_DISABLED("webhook.enabled=false");

        final List<String> values;

        ChartVariant(String... values) {
            this.values = List.of(values);
        }

        List<String> setArgs() {
            return values.stream().flatMap(v -> Stream.of("--set", v)).toList();
        }
    }

    /** The kustomize entry points users apply (docs/install.md). */
    static final List<String> DEPLOY_VARIANTS = List.of(
            "cluster-wide",
            "cluster-wide/without-crd",
            "cluster-wide-openshift",
            "single-namespace",
            "single-namespace/without-crd");

    private static final Map<String, Manifests> CACHE = new ConcurrentHashMap<>();
    private static Path helm;

    private Renders() {}

    /** The helm binary of the pinned version; hack/helm-tool builds it with go on first use. */
    static synchronized Path helmBinary() {
        if (helm == null) {
            Command.Result path = Command.run(List.of("hack/helm-tool", "path"));
            if (!path.ok()) {
                throw new IllegalStateException("helm is needed for the install tests and could not be built "
                        + "(hack/helm-tool path: needs go and the Go module proxy, or HELM_BIN_DIR with a helm of "
                        + "the pinned version): " + path);
            }
            helm = Path.of(path.stdout().strip());
        }
        return helm;
    }

    static Command.Result helm(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(helmBinary().toString());
        command.addAll(args);
        return Command.run(command);
    }

    static Manifests chart(ChartVariant variant) {
        return chart(NAMESPACE, NAMESPACE, variant.setArgs());
    }

    /** {@code helm template RELEASE helm/pythonapp-operator -n NAMESPACE --include-crds ARGS}. */
    static Manifests chart(String release, String namespace, List<String> args) {
        List<String> command =
                new ArrayList<>(List.of("template", release, CHART.toString(), "-n", namespace, "--include-crds"));
        command.addAll(args);
        String key = "helm " + String.join(" ", command);
        return CACHE.computeIfAbsent(key, k -> Manifests.parse(k, helm(command).stdoutOrFail()));
    }

    /** {@code kubectl kustomize DIR}, DIR relative to deploy/ or absolute. */
    static Manifests kustomize(String dir) {
        Path path = Path.of(dir).isAbsolute() ? Path.of(dir) : Path.of("deploy", dir);
        return CACHE.computeIfAbsent("kustomize " + path, k -> Manifests.parse(k, kustomizeYaml(path)));
    }

    /**
     * Writes a kustomization in {@code dir} that installs deploy/{@code deployDir} into {@code namespace} the way
     * docs/install.md shows (a NamespaceTransformer that also moves the RoleBinding subjects), followed by
     * {@code more} kustomization fields; returns {@code dir}.
     */
    static Path namespaceOverlay(Path dir, String deployDir, String namespace, String more) {
        String kustomization = """
                resources:
                  - %s
                transformers:
                  - |-
                    apiVersion: builtin
                    kind: NamespaceTransformer
                    metadata:
                      name: namespace
                      namespace: %s
                    setRoleBindingSubjects: allServiceAccounts
                    unsetOnly: false
                """.formatted(
                dir.toAbsolutePath().relativize(Path.of("deploy", deployDir).toAbsolutePath()), namespace);
        try {
            Files.writeString(dir.resolve("kustomization.yaml"), kustomization + more);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static String kustomizeYaml(Path dir) {
        return Command.run(List.of("kubectl", "kustomize", dir.toString())).stdoutOrFail();
    }
}

package dev.pythonapp.operator.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster the integration tests run against. By default one real control plane (etcd, kube-apiserver,
 * kube-controller-manager) per test JVM, started with {@code hack/control-plane up} in {@code target/control-plane}
 * and stopped with {@code down} when the JVM exits. With {@value #KUBECONFIG_PROPERTY} (or the environment variable
 * {@value #KUBECONFIG_ENV}) set to a kubeconfig, an existing cluster instead: nothing is started, and tests that
 * need what only the built control plane has are skipped with the reason ({@link #assumeBuilt}).
 * The OpenShift stand-in CRDs are installed once, on an existing cluster only for APIs it does not serve.
 *
 * @param stateDir           the {@code hack/control-plane} state directory; null for an existing cluster
 * @param operatorKubeconfig kubeconfig of the identity the in-process operator uses: "pythonapp-operator-dev" on the
 *                           built control plane, the tests' own on an existing cluster
 */
public record ControlPlane(Path stateDir, Path kubeconfig, Path operatorKubeconfig, KubernetesClient adminClient) {
    // not under "pythonapp.": Quarkus rejects unknown properties below the operator's config mapping root
    public static final String KUBECONFIG_PROPERTY = "pythonapp-operator.test.kubeconfig";
    public static final String KUBECONFIG_ENV = "PYTHONAPP_OPERATOR_TEST_KUBECONFIG";
    static final String ISOLATED_ONLY = "needs a second, isolated control plane started by hack/control-plane; skipped"
            + " on the existing cluster of " + KUBECONFIG_PROPERTY;
    private static ControlPlane shared;

    /** The cluster behind {@code kubeconfig}, with an admin client connected to it. */
    private static ControlPlane connect(Path stateDir, Path kubeconfig, Path operatorKubeconfig) {
        return new ControlPlane(
                stateDir,
                kubeconfig,
                operatorKubeconfig,
                new KubernetesClientBuilder().withConfig(config(kubeconfig)).build());
    }

    public static synchronized ControlPlane shared() {
        if (shared == null) {
            shared = existingClusterKubeconfig()
                    .map(ControlPlane::existing)
                    .orElseGet(() -> start(Path.of("target", "control-plane").toAbsolutePath()));
        }
        return shared;
    }

    /** The kubeconfig of an existing cluster to test against, if one is configured. */
    static Optional<Path> existingClusterKubeconfig() {
        return Optional.ofNullable(System.getProperty(KUBECONFIG_PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv(KUBECONFIG_ENV)))
                .filter(p -> !p.isBlank())
                .map(p -> Path.of(p).toAbsolutePath());
    }

    private static ControlPlane existing(Path kubeconfig) {
        if (!Files.isReadable(kubeconfig)) {
            throw new IllegalStateException(KUBECONFIG_PROPERTY + "/" + KUBECONFIG_ENV + ": cannot read " + kubeconfig);
        }
        // one identity for tests and operator: the audit-log tests, which tell them apart, are skipped
        ControlPlane cp = connect(null, kubeconfig, kubeconfig);
        System.out.println("Integration tests on the existing cluster "
                + cp.adminClient.getConfiguration().getMasterUrl() + " (" + kubeconfig + ")");
        OpenShiftStandInCrds.installWhereMissing(cp.adminClient);
        // leave the cluster as found: the test namespaces and the local webhook configurations go at JVM exit
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            TestNamespaces.deleteCreated(cp.adminClient);
            LocalWebhooks.unregister(cp.adminClient);
        }));
        return cp;
    }

    /** A second, separate control plane (state in target/{@code name}) for tests that must not share one. */
    public static ControlPlane isolated(String name) {
        assumeTrue(existingClusterKubeconfig().isEmpty(), ISOLATED_ONLY);
        return start(Path.of("target", name).toAbsolutePath());
    }

    /** kill -9 of kube-apiserver and a start with the same arguments and etcd data (fault benchmarks). */
    public void restartApiServer() {
        assumeBuilt("restarting kube-apiserver");
        run(stateDir, "restart-apiserver");
    }

    /** Skips the calling test on an existing cluster: it relies on {@code what} of the built control plane. */
    public void assumeBuilt(String what) {
        assumeTrue(
                stateDir != null,
                "relies on the control plane hack/control-plane starts (" + what + "); skipped on the existing "
                        + "cluster of " + KUBECONFIG_PROPERTY);
    }

    /** Stops this control plane now (a shutdown hook also does it at JVM exit); an existing cluster is left alone. */
    public void stop() {
        adminClient.close();
        if (stateDir != null) {
            run(stateDir, "down");
        }
    }

    private static ControlPlane start(Path state) {
        run(state, "down");
        String out = run(state, "up");
        String line = out.lines()
                .filter(l -> l.startsWith("KUBECONFIG="))
                .reduce((a, b) -> b)
                .orElseThrow(
                        () -> new IllegalStateException("hack/control-plane up printed no KUBECONFIG line:\n" + out));
        ControlPlane cp =
                connect(state, Path.of(line.substring("KUBECONFIG=".length())), state.resolve("operator.kubeconfig"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run(state, "down")));
        OpenShiftStandInCrds.install(cp.adminClient, OpenShiftStandInCrds.definitions());
        return cp;
    }

    /** Runs a hack/control-plane subcommand; returns stdout, fails with stderr. */
    static String run(Path state, String command) {
        return Command.run(
                        List.of(projectDir().resolve("hack/control-plane").toString(), command),
                        Map.of("CP_STATE_DIR", state.toString()),
                        null)
                .stdoutOrFail();
    }

    static Path projectDir() {
        return Path.of("").toAbsolutePath();
    }

    static Config config(Path kubeconfig) {
        try {
            return Config.fromKubeconfig(Files.readString(kubeconfig));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path auditLog() {
        assumeBuilt("the kube-apiserver audit log");
        return stateDir.resolve("logs/audit.log");
    }

    /** The process id of a component hack/control-plane started ("etcd", "kube-apiserver", …), from its pid file. */
    public long componentPid(String component) {
        assumeBuilt("the pid of " + component);
        try {
            return Long.parseLong(
                    Files.readString(stateDir.resolve(component + ".pid")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pinned Kubernetes version of hack/control-plane. */
    public static String pinnedVersion() {
        return run(Path.of("target", "control-plane").toAbsolutePath(), "env")
                .lines()
                .filter(l -> l.startsWith("K8S_VERSION="))
                .findFirst()
                .orElseThrow()
                .substring("K8S_VERSION=".length());
    }
}

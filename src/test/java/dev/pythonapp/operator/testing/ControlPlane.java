package dev.pythonapp.operator.testing;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real control plane (etcd, kube-apiserver, kube-controller-manager) per test JVM, started with
 * {@code hack/control-plane up} in {@code target/control-plane} and stopped with {@code down} when the JVM exits.
 * The OpenShift stand-in CRDs are installed once.
 */
public final class ControlPlane {
    private static ControlPlane shared;

    private final Path stateDir;
    private final Path kubeconfig;
    private final Path operatorKubeconfig;
    private final KubernetesClient adminClient;

    private ControlPlane(Path stateDir, Path kubeconfig) {
        this.stateDir = stateDir;
        this.kubeconfig = kubeconfig;
        this.operatorKubeconfig = stateDir.resolve("operator.kubeconfig");
        this.adminClient =
                new KubernetesClientBuilder().withConfig(config(kubeconfig)).build();
    }

    public static synchronized ControlPlane shared() {
        if (shared == null) {
            shared = start(Path.of("target", "control-plane").toAbsolutePath());
        }
        return shared;
    }

    /** A second, separate control plane (state in target/{@code name}) for tests that must not share one. */
    public static ControlPlane isolated(String name) {
        return start(Path.of("target", name).toAbsolutePath());
    }

    /** kill -9 of kube-apiserver and a start with the same arguments and etcd data (fault benchmarks). */
    public void restartApiServer() {
        run(stateDir, "restart-apiserver");
    }

    /** Stops this control plane now (a shutdown hook also does it at JVM exit). */
    public void stop() {
        adminClient.close();
        run(stateDir, "down");
    }

    private static ControlPlane start(Path state) {
        run(state, "down");
        String out = run(state, "up");
        String line = out.lines()
                .filter(l -> l.startsWith("KUBECONFIG="))
                .reduce((a, b) -> b)
                .orElseThrow(
                        () -> new IllegalStateException("hack/control-plane up printed no KUBECONFIG line:\n" + out));
        ControlPlane cp = new ControlPlane(state, Path.of(line.substring("KUBECONFIG=".length())));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run(state, "down")));
        OpenShiftStandInCrds.install(cp.adminClient);
        return cp;
    }

    /** Runs a hack/control-plane subcommand; returns stdout, fails with stderr. */
    static String run(Path state, String command) {
        try {
            Path log = Files.createTempFile("control-plane-" + command, ".log");
            ProcessBuilder pb = new ProcessBuilder(
                            List.of(projectDir().resolve("hack/control-plane").toString(), command))
                    .redirectError(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .directory(projectDir().toFile());
            pb.environment().put("CP_STATE_DIR", state.toString());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(Duration.ofMinutes(30).toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("hack/control-plane " + command + " failed:\n" + Files.readString(log));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    public KubernetesClient adminClient() {
        return adminClient;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** Kubeconfig of the "pythonapp-operator-dev" identity the in-process operator uses. */
    public Path operatorKubeconfig() {
        return operatorKubeconfig;
    }

    public Path auditLog() {
        return stateDir.resolve("logs/audit.log");
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

package dev.pythonapp.operator.config;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Leader election for the operator (Quarkus Operator SDK picks up this bean; it is active in the {@code prod}
 * profile, which is what the packaged operator runs). Every replica starts its informers and serves the admission
 * webhooks; only the holder of the Lease in the operator's namespace reconciles. Identity is the pod name, so
 * {@code kubectl get lease} tells which pod leads. A leader that cannot renew exits (JOSDK's default) and comes back
 * as a standby.
 */
@Singleton
public class OperatorLeaderElection extends LeaderElectionConfiguration {
    /** 1 on the replica that holds the Lease. */
    public static final String LEADER_GAUGE = "pythonapp_operator_leader";

    @Inject
    public OperatorLeaderElection(OperatorConfig config, MeterRegistry registry) {
        this(config, registry, new AtomicInteger());
    }

    private OperatorLeaderElection(OperatorConfig config, MeterRegistry registry, AtomicInteger leading) {
        super(
                config.leaderElection().leaseName(),
                System.getenv("POD_NAMESPACE"),
                config.leaderElection().leaseDuration(),
                config.leaderElection().renewDeadline(),
                config.leaderElection().retryPeriod(),
                identity(),
                new LeaderCallbacks(
                        () -> {
                            leading.set(1);
                            Log.infof("leading: this replica (%s) reconciles", identity());
                        },
                        () -> {
                            leading.set(0);
                            exitUnlessShuttingDown();
                        },
                        leader -> Log.infof("leader is now %s", leader)),
                // not JOSDK's exit: it calls System.exit from the shutdown hook on every SIGTERM of a leader, which
                // blocks forever (found by LeaderElectionIT); the pod then only goes away at its grace period
                false);
        Gauge.builder(LEADER_GAUGE, leading, AtomicInteger::get)
                .description("1 when this replica holds the leader-election Lease and reconciles, 0 on a standby")
                .register(registry);
    }

    /**
     * A leader that lost the Lease while running must stop reconciling at once: exit, and come back as a standby.
     * When the process is already shutting down (SIGTERM), leadership ends with it and there is nothing to do.
     */
    static void exitUnlessShuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            // the JDK refuses new shutdown hooks once shutdown has begun: the only way to ask
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
        } catch (IllegalStateException shuttingDown) {
            return;
        }
        Log.error("lost the leader-election Lease: exiting, to restart as a standby");
        Quarkus.asyncExit(1);
    }

    /**
     * The pod name (POD_NAME from the downward API). Outside a pod (hack/run-local, tests) the host name and process
     * id, so two processes on one machine still differ.
     */
    static String identity() {
        String pod = System.getenv("POD_NAME");
        if (pod != null && !pod.isBlank()) {
            return pod;
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}

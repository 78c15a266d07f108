package dev.pythonapp.operator.config;

import dev.pythonapp.operator.api.EolPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Operator settings ({@code pythonapp.*} in application.properties, or PYTHONAPP_* environment variables). */
@ConfigMapping(prefix = "pythonapp")
public interface OperatorConfig {

    Eol eol();

    Catalog catalog();

    LeaderElection leaderElection();

    Cluster cluster();

    interface Cluster {
        /**
         * The cluster's public API URL (e.g. https://api.example.com:6443), used to show complete webhook URLs in
         * status.build.webhooks. Unset: the webhook URLs are shown as paths.
         */
        Optional<String> publicApiUrl();
    }

    interface Eol {
        /** Policy for PythonApps that set no spec.eolPolicy. */
        @WithDefault("Rewrite")
        EolPolicy policy();

        /** vendor, upstream or strictest. */
        @WithDefault("vendor")
        String basis();

        /** Days before end of life from which a builder is reported as EndOfLifeSoon. */
        @WithDefault("90")
        int warnDays();
    }

    interface Catalog {
        /** ConfigMap (key {@code catalog.yaml}) that adds images or changes dates and successors without a rebuild. */
        @WithDefault("pythonapp-builder-catalog")
        String configMapName();

        /** Namespace of that ConfigMap. Default: the namespace the operator runs in (POD_NAMESPACE). */
        Optional<String> configMapNamespace();
    }

    interface LeaderElection {
        /** The Lease the replicas compete for, in the operator's namespace (POD_NAMESPACE). */
        @WithDefault("pythonapp-operator-leader")
        String leaseName();

        /** How long a lease holds without renewal: the longest a failover takes (JOSDK default). */
        @WithDefault("15s")
        Duration leaseDuration();

        /** The leader gives up (and the process exits, to be restarted as a standby) if it cannot renew in time. */
        @WithDefault("10s")
        Duration renewDeadline();

        @WithDefault("2s")
        Duration retryPeriod();
    }
}

package dev.pythonapp.operator.config;

import dev.pythonapp.operator.api.EolPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Operator settings ({@code pythonapp.*} in application.properties, or PYTHONAPP_* environment variables). */
@ConfigMapping(prefix = "pythonapp")
public interface OperatorConfig {

    Eol eol();

    Catalog catalog();

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
}

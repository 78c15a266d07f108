package dev.pythonapp.operator.config;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.Optional;

/** Where the catalog overlay ConfigMap lives and which key holds it. */
public final class CatalogOverlay {
    /** Key of the catalog YAML in the ConfigMap (same schema as the built-in catalog, partial documents allowed). */
    public static final String KEY = "catalog.yaml";

    private CatalogOverlay() {}

    public static Optional<String> document(ConfigMap configMap) {
        return Optional.ofNullable(configMap).map(ConfigMap::getData).map(d -> d.get(KEY));
    }
}

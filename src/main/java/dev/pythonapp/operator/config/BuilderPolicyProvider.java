package dev.pythonapp.operator.config;

import dev.pythonapp.operator.catalog.BuilderCatalog;
import dev.pythonapp.operator.catalog.CatalogException;
import dev.pythonapp.operator.catalog.CatalogLoader;
import dev.pythonapp.operator.eol.BuilderPolicy;
import dev.pythonapp.operator.eol.EolBasis;
import dev.pythonapp.operator.eol.Lifecycle;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the catalog in force (built-in, or built-in plus a valid ConfigMap overlay) and builds the policy from it
 * and the operator configuration.
 */
@Singleton
public class BuilderPolicyProvider {
    private final OperatorConfig config;
    private final EolBasis basis;
    private final AtomicReference<BuilderCatalog> catalog = new AtomicReference<>(CatalogLoader.builtIn());

    public BuilderPolicyProvider(OperatorConfig config) {
        this.config = config;
        this.basis = EolBasis.of(config.eol().basis());
    }

    public BuilderCatalog catalog() {
        return catalog.get();
    }

    /**
     * Applies an overlay document on top of the built-in catalog. An invalid overlay is rejected as a whole, the
     * built-in catalog is used, and the problems are returned. {@code null} means no overlay.
     */
    public List<String> useOverlay(String overlayYaml) {
        if (overlayYaml == null) {
            catalog.set(CatalogLoader.builtIn());
            return List.of();
        }
        try {
            catalog.set(CatalogLoader.toCatalog(CatalogLoader.merge(CatalogLoader.readBuiltIn(), CatalogLoader.parse(overlayYaml))));
            return List.of();
        } catch (CatalogException e) {
            catalog.set(CatalogLoader.builtIn());
            return e.problems();
        }
    }

    public BuilderPolicy policy() {
        return new BuilderPolicy(new Lifecycle(catalog.get(), basis, config.eol().warnDays()), config.eol().policy());
    }
}

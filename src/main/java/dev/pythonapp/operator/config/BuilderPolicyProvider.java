package dev.pythonapp.operator.config;

import dev.pythonapp.operator.catalog.BuilderCatalog;
import dev.pythonapp.operator.catalog.CatalogDocument;
import dev.pythonapp.operator.catalog.CatalogException;
import dev.pythonapp.operator.catalog.CatalogLoader;
import dev.pythonapp.operator.eol.BuilderPolicy;
import dev.pythonapp.operator.eol.EolBasis;
import dev.pythonapp.operator.eol.Lifecycle;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the policy in force: the catalog (built-in, or built-in plus a valid ConfigMap overlay) with the operator's
 * EOL settings. Built once per catalog change, then shared by reconciles and admission requests.
 */
@Singleton
public class BuilderPolicyProvider {
    private final OperatorConfig config;
    private final EolBasis basis;
    private final CatalogDocument builtInDocument = CatalogLoader.readBuiltIn();
    private final BuilderCatalog builtIn = CatalogLoader.toCatalog(builtInDocument);
    private final AtomicReference<BuilderPolicy> policy = new AtomicReference<>();

    public BuilderPolicyProvider(OperatorConfig config) {
        this.config = config;
        this.basis = EolBasis.of(config.eol().basis());
        use(builtIn);
    }

    public BuilderPolicy policy() {
        return policy.get();
    }

    public BuilderCatalog catalog() {
        return policy.get().lifecycle().catalog();
    }

    /**
     * Applies an overlay document on top of the built-in catalog. An invalid overlay is rejected as a whole, the
     * built-in catalog is used, and the problems are returned. {@code null} means no overlay.
     */
    public List<String> useOverlay(String overlayYaml) {
        if (overlayYaml == null) {
            use(builtIn);
            return List.of();
        }
        try {
            use(CatalogLoader.toCatalog(CatalogLoader.merge(builtInDocument, CatalogLoader.parse(overlayYaml))));
            return List.of();
        } catch (CatalogException e) {
            use(builtIn);
            return e.problems();
        }
    }

    private void use(BuilderCatalog catalog) {
        policy.set(new BuilderPolicy(
                new Lifecycle(catalog, basis, config.eol().warnDays()),
                config.eol().policy()));
    }
}

package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.api.Vocabulary.EventReason;
import dev.pythonapp.operator.catalog.BuilderCatalog;
import dev.pythonapp.operator.config.BuilderPolicyProvider;
import dev.pythonapp.operator.config.CatalogOverlay;
import dev.pythonapp.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.quarkus.logging.Log;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An event source of catalog changes. It watches the one catalog overlay ConfigMap (by name, in the operator's
 * namespace). On every change it validates the overlay, puts the resulting catalog in force (or the built-in one,
 * with a Warning event, if the overlay is invalid), and re-reconciles every PythonApp so decisions follow the new dates without a restart.
 */
public class CatalogOverlayEventSource extends AbstractEventSource<BuilderCatalog, PythonApp>
        implements ResourceEventHandler<ConfigMap> {
    public static final String NAME = "catalog-overlay";

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final BuilderPolicyProvider policies;
    private final PythonAppEvents events;
    private final IndexerResourceCache<PythonApp> primaries;
    private SharedIndexInformer<ConfigMap> informer;

    /**
     * Watches ConfigMap {@code settings.configMapName()} in {@code settings.configMapNamespace()}, by default the
     * operator's own namespace (POD_NAMESPACE, else the client's namespace).
     */
    public CatalogOverlayEventSource(
            EventSourceContext<PythonApp> context,
            OperatorConfig.Catalog settings,
            BuilderPolicyProvider policies,
            PythonAppEvents events) {
        super(BuilderCatalog.class, NAME);
        this.client = context.getClient();
        this.primaries = context.getPrimaryCache();
        this.namespace = settings.configMapNamespace()
                .or(() -> Optional.ofNullable(System.getenv("POD_NAMESPACE")))
                .orElseGet(() -> Optional.ofNullable(client.getNamespace()).orElse("default"));
        this.name = settings.configMapName();
        this.policies = policies;
        this.events = events;
    }

    /** The catalog is shared by all apps, not a secondary resource of any one of them. */
    @Override
    public Set<BuilderCatalog> getSecondaryResources(PythonApp app) {
        return Set.of();
    }

    @Override
    public void start() {
        informer = client.configMaps().inNamespace(namespace).withName(name).inform(this, 0);
        super.start();
    }

    @Override
    public void stop() {
        if (informer != null) {
            informer.stop();
        }
        super.stop();
    }

    @Override
    public void onAdd(ConfigMap configMap) {
        apply(configMap);
    }

    @Override
    public void onUpdate(ConfigMap before, ConfigMap after) {
        if (!before.getMetadata()
                .getResourceVersion()
                .equals(after.getMetadata().getResourceVersion())) {
            apply(after);
        }
    }

    @Override
    public void onDelete(ConfigMap configMap, boolean unknownFinalState) {
        policies.useOverlay(null);
        Log.infof("catalog overlay %s/%s deleted: the built-in catalog is in force", namespace, name);
        reconcileAll();
    }

    private void apply(ConfigMap configMap) {
        String document = CatalogOverlay.document(configMap).orElse(null);
        List<String> problems = document == null
                ? List.of("the ConfigMap has no key " + CatalogOverlay.KEY)
                : policies.useOverlay(document);
        if (document == null) {
            policies.useOverlay(null);
        }
        if (problems.isEmpty()) {
            Log.infof(
                    "catalog overlay %s/%s (resourceVersion %s) is in force",
                    namespace, name, configMap.getMetadata().getResourceVersion());
            events.emit(configMap, EventReason.CATALOG_APPLIED, "builder catalog overlay applied");
        } else {
            String message = "builder catalog overlay ignored, the built-in catalog stays in force: "
                    + String.join("; ", problems);
            Log.errorf("catalog overlay %s/%s: %s", namespace, name, message);
            events.emit(configMap, EventReason.INVALID_CATALOG, message);
        }
        reconcileAll();
    }

    private void reconcileAll() {
        if (isRunning()) {
            primaries.list().forEach(app -> getEventHandler().handleEvent(new Event(ResourceID.fromResource(app))));
        }
    }
}

package dev.pythonapp.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Informer store that keeps only what the operator reads. The API server sends every object with all field
 * managers' {@code managedFields} and, for objects written by {@code kubectl apply}, a full copy of the last applied
 * object in an annotation: together most of a cached child. The operator reads neither (children are matched by
 * {@link DesiredStateMatch}, not by JOSDK's managedFields-based SSA matcher). Keeping whole objects made the cache
 * cost about 113 KiB per app, and the operator's own managedFields entries alone filled a 358 MiB heap at 3,200 apps
 * (issue #8, heap histograms).
 */
public class PrunedItemStore<R extends HasMetadata> extends BasicItemStore<R> {
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    public PrunedItemStore() {
        super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public R put(String key, R obj) {
        return super.put(key, prune(obj));
    }

    /**
     * The same label and annotation keys and values (managed-by, runtime, version, ...) repeat on every child of
     * every app; the JSON reader gives each its own String. Interned strings are shared and still collected.
     */
    private static Map<String, String> interned(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>(map.size() * 2);
        map.forEach((k, v) -> copy.put(k.intern(), v == null ? null : v.intern()));
        return copy;
    }

    /** Removes what the operator never reads; returns the same object. */
    static <R extends HasMetadata> R prune(R obj) {
        ObjectMeta metadata = obj.getMetadata();
        if (metadata == null) {
            return obj;
        }
        metadata.setManagedFields(null);
        if (metadata.getAnnotations() != null) {
            Map<String, String> kept = interned(metadata.getAnnotations());
            kept.remove(LAST_APPLIED);
            metadata.setAnnotations(kept);
        }
        if (metadata.getLabels() != null) {
            metadata.setLabels(interned(metadata.getLabels()));
        }
        return obj;
    }
}

package dev.pythonapp.operator.reconcile;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Informer store that keeps only what the operator reads. The API server sends every object with all field
 * managers' {@code managedFields} and, for objects written by {@code kubectl apply}, a full copy of the last applied
 * object in an annotation: together often more than half of a cached child. The operator never reads either, except
 * its own Server-Side Apply entry, which JOSDK's SSA matcher compares desired state against. Keeping whole objects
 * made the cache cost about 113 KiB per app (issue #8).
 */
public class PrunedItemStore<R extends HasMetadata> extends BasicItemStore<R> {
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    /**
     * Our own managedFields entry stays, but its field set (a tree of maps naming every field we apply: about 60
     * map entries per object, most of the cache after pruning, measured with a heap histogram at 1,000 apps) is the
     * same for every app of a kind. Equal field sets share one instance. Nothing mutates cached objects.
     */
    static final Interner<FieldsV1> SHARED_FIELD_SETS = new Interner<>(FieldsV1::getAdditionalProperties, 10_000);

    public PrunedItemStore() {
        super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public R put(String key, R obj) {
        return super.put(key, prune(obj));
    }

    /** Removes what the operator never reads; returns the same object. */
    static <R extends HasMetadata> R prune(R obj) {
        ObjectMeta metadata = obj.getMetadata();
        if (metadata == null) {
            return obj;
        }
        if (metadata.getManagedFields() != null) {
            List<ManagedFieldsEntry> ours = metadata.getManagedFields().stream()
                    .filter(entry -> PythonAppReconciler.FIELD_MANAGER.equals(entry.getManager()))
                    .toList();
            ours.forEach(entry -> entry.setFieldsV1(SHARED_FIELD_SETS.share(entry.getFieldsV1())));
            metadata.setManagedFields(ours);
        }
        Map<String, String> annotations = metadata.getAnnotations();
        if (annotations != null && annotations.containsKey(LAST_APPLIED)) {
            Map<String, String> kept = new LinkedHashMap<>(annotations);
            kept.remove(LAST_APPLIED);
            metadata.setAnnotations(kept);
        }
        return obj;
    }
}

package dev.pythonapp.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrunedItemStoreTest {

    static FieldsV1 fields(String field) {
        FieldsV1 f = new FieldsV1();
        f.setAdditionalProperty("f:data", Map.of("f:" + field, Map.of()));
        return f;
    }

    static ConfigMap cached(String name, String field) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("ns")
                .addToAnnotations(PrunedItemStore.LAST_APPLIED, "{\"a\":\"very long copy\"}")
                .addToAnnotations("keep", "me")
                .addToManagedFields(new ManagedFieldsEntryBuilder()
                        .withManager(PythonAppReconciler.FIELD_MANAGER)
                        .withOperation("Apply")
                        .withFieldsV1(fields(field))
                        .build())
                .addToManagedFields(new ManagedFieldsEntryBuilder()
                        .withManager("kubectl-client-side-apply")
                        .withOperation("Update")
                        .withFieldsV1(fields("other"))
                        .build())
                .endMetadata()
                .build();
    }

    @Test
    void dropsManagedFieldsAndTheLastAppliedCopyAndKeepsTheRest() {
        PrunedItemStore<ConfigMap> store = new PrunedItemStore<>();
        store.put("ns/a", cached("a", "x"));
        ConfigMap kept = store.get("ns/a");
        assertThat(kept.getMetadata().getManagedFields()).isNullOrEmpty();
        assertThat(kept.getMetadata().getName()).isEqualTo("a");
        assertThat(kept.getMetadata().getAnnotations()).containsOnlyKeys("keep");
    }

    @Test
    void keepsEqualCopiesNotTheObjectsItWasGiven() {
        PrunedItemStore<ConfigMap> store = new PrunedItemStore<>();
        ConfigMap first =
                new ConfigMapBuilder(cached("a", "x")).addToData("k", "v1").build();
        assertThat(store.put("ns/a", first)).isNull();
        ConfigMap second =
                new ConfigMapBuilder(cached("a", "x")).addToData("k", "v2").build();
        ConfigMap previous = store.put("ns/a", second);
        assertThat(previous.getData()).containsEntry("k", "v1");
        assertThat(store.get("ns/a")).isNotSameAs(second);
        assertThat(store.get("ns/a").getData()).isEqualTo(second.getData());
        assertThat(store.values()).extracting(ConfigMap::getData).containsExactly(second.getData());
        assertThat(store.keySet()).containsExactly("ns/a");
        assertThat(store.remove("ns/a").getData()).containsEntry("k", "v2");
        assertThat(store.size()).isZero();
        assertThat(store.get("ns/a")).isNull();
    }
}

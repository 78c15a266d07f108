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
    void keepsOnlyOurManagedFieldsAndDropsTheLastAppliedCopy() {
        PrunedItemStore<ConfigMap> store = new PrunedItemStore<>();
        store.put("ns/a", cached("a", "x"));
        ConfigMap kept = store.get("ns/a");
        assertThat(kept.getMetadata().getManagedFields())
                .singleElement()
                .satisfies(e -> assertThat(e.getManager()).isEqualTo(PythonAppReconciler.FIELD_MANAGER));
        assertThat(kept.getMetadata().getAnnotations()).containsOnlyKeys("keep");
    }

    @Test
    void equalFieldSetsAreSharedAndDifferentOnesAreNot() {
        PrunedItemStore<ConfigMap> store = new PrunedItemStore<>();
        store.put("ns/a", cached("a", "x"));
        store.put("ns/b", cached("b", "x"));
        store.put("ns/c", cached("c", "y"));
        FieldsV1 a = store.get("ns/a").getMetadata().getManagedFields().get(0).getFieldsV1();
        FieldsV1 b = store.get("ns/b").getMetadata().getManagedFields().get(0).getFieldsV1();
        FieldsV1 c = store.get("ns/c").getMetadata().getManagedFields().get(0).getFieldsV1();
        assertThat(a).isSameAs(b).isNotSameAs(c);
        assertThat(c.getAdditionalProperties()).isEqualTo(fields("y").getAdditionalProperties());
    }

    @Test
    void theInternerStopsSharingAtItsCapacity() {
        Interner<String> interner = new Interner<>(s -> s, 1);
        String first = new String("one");
        assertThat(interner.share(new String("one"))).isSameAs(interner.share(first));
        String other = new String("two");
        assertThat(interner.share(other)).isSameAs(other);
        assertThat(interner.size()).isEqualTo(1);
    }
}

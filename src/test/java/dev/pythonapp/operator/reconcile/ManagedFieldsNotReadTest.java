package dev.pythonapp.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class ManagedFieldsNotReadTest {
    static final String CONFIG_MAP = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\","
            + "\"namespace\":\"ns\",\"labels\":{\"app\":\"a\"},\"resourceVersion\":\"7\",\"someFutureField\":\"x\","
            + "\"managedFields\":[{\"manager\":\"pythonapp-operator\",\"operation\":\"Apply\","
            + "\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:data\":{\"f:k\":{}}}}]},\"data\":{\"k\":\"v\"}}";

    /** The operator's client: Quarkus hands the customized mapper to a KubernetesSerialization. */
    static KubernetesSerialization operatorSerialization() {
        ObjectMapper mapper = new ObjectMapper();
        new ManagedFieldsNotRead().customize(mapper);
        return new KubernetesSerialization(mapper, true);
    }

    @Test
    void anApiResponseIsReadWithoutManagedFieldsAndWithEverythingElse() {
        ConfigMap read = operatorSerialization().unmarshal(CONFIG_MAP, ConfigMap.class);
        assertThat(read.getMetadata().getManagedFields()).isNullOrEmpty();
        assertThat(read.getMetadata().getName()).isEqualTo("a");
        assertThat(read.getMetadata().getLabels()).containsEntry("app", "a");
        assertThat(read.getMetadata().getResourceVersion()).isEqualTo("7");
        assertThat(read.getMetadata().getAdditionalProperties()).containsEntry("someFutureField", "x");
        assertThat(read.getData()).containsEntry("k", "v");
    }

    @Test
    void aWatchEventIsReadWithoutManagedFields() {
        // watch events go through fabric8's KubernetesDeserializer, which reads a tree first
        WatchEvent event = operatorSerialization()
                .unmarshal("{\"type\":\"ADDED\",\"object\":" + CONFIG_MAP + "}", WatchEvent.class);
        ConfigMap read = (ConfigMap) event.getObject();
        assertThat(read.getMetadata().getManagedFields()).isNullOrEmpty();
        assertThat(read.getData()).containsEntry("k", "v");
    }

    @Test
    void writingIsUnchanged() {
        ConfigMap withManagedFields = new KubernetesSerialization().unmarshal(CONFIG_MAP, ConfigMap.class);
        assertThat(withManagedFields.getMetadata().getManagedFields()).hasSize(1);
        assertThat(operatorSerialization().asJson(withManagedFields)).contains("\"managedFields\"", "f:data");
    }
}

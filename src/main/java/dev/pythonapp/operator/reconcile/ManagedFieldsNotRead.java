package dev.pythonapp.operator.reconcile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.quarkus.kubernetes.client.KubernetesClientObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The operator's Kubernetes client skips {@code metadata.managedFields} when it reads an object. Every object the
 * API server sends (watch events, the answer to each apply and status write) carries one field list per field
 * manager, about as large as the object's own fields, and the operator never reads them: children are matched by
 * {@link DesiredStateMatch} and the caches drop them anyway ({@link PrunedItemStore}). Skipping them at decoding
 * saves building those maps for every response and event (issue #8, the JSON decoding was a fifth of the
 * operator's CPU). Writing is unchanged: an object that has managedFields set still serializes them.
 */
@Singleton
public class ManagedFieldsNotRead implements KubernetesClientObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(ObjectMeta.class, SkipManagedFields.class);
    }

    @JsonIgnoreProperties(value = "managedFields", allowGetters = true)
    abstract static class SkipManagedFields {}
}

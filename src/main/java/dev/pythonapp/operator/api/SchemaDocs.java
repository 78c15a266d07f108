package dev.pythonapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * Documented schema shapes for fields whose runtime type is a fabric8 model class without descriptions
 * (EnvVarSource, Condition). Referenced with {@code @SchemaFrom}; never instantiated.
 */
final class SchemaDocs {
    private SchemaDocs() {}

    static final class ValueFrom {
        @JsonPropertyDescription("A key of a ConfigMap in the app's namespace.")
        public KeyRef configMapKeyRef;

        @JsonPropertyDescription("A key of a Secret in the app's namespace (run.env only: build.env refuses Secrets).")
        public KeyRef secretKeyRef;

        @JsonPropertyDescription("A field of the pod, e.g. metadata.name or status.podIP.")
        public FieldRef fieldRef;

        @JsonPropertyDescription("A resource limit or request of the container, e.g. limits.memory.")
        public ResourceFieldRef resourceFieldRef;
    }

    static final class KeyRef {
        @Required
        @JsonPropertyDescription("The key to read.")
        public String key;

        @JsonPropertyDescription("Name of the ConfigMap or Secret.")
        public String name;

        @JsonPropertyDescription("Do not fail when the object or the key is missing.")
        public Boolean optional;
    }

    static final class FieldRef {
        @JsonPropertyDescription("API version of the field path, default v1.")
        public String apiVersion;

        @Required
        @JsonPropertyDescription("Path of the field, e.g. metadata.namespace.")
        public String fieldPath;
    }

    static final class ResourceFieldRef {
        @JsonPropertyDescription("Container name; default: the app container.")
        public String containerName;

        @JsonPropertyDescription("Output unit, e.g. 1Mi.")
        public io.fabric8.kubernetes.api.model.Quantity divisor;

        @Required
        @JsonPropertyDescription("Resource, e.g. limits.cpu or requests.memory.")
        public String resource;
    }

    static final class Condition {
        @JsonPropertyDescription("Reconciled, Ready or BuilderSupported.")
        public String type;

        @JsonPropertyDescription("True, False or Unknown.")
        public String status;

        @JsonPropertyDescription("A CamelCase reason, e.g. Applied, ObjectInTheWay, Rewritten, EndOfLife.")
        public String reason;

        @JsonPropertyDescription("What happened and what to do about it.")
        public String message;

        @JsonPropertyDescription("The metadata.generation this condition describes.")
        public Long observedGeneration;

        @JsonPropertyDescription("When the status last changed.")
        public String lastTransitionTime;
    }
}

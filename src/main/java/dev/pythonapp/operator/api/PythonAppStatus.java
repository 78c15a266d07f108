package dev.pythonapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Observed state, written only by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PythonAppStatus {
    @JsonPropertyDescription("The metadata.generation this status describes.")
    public Long observedGeneration;

    @JsonPropertyDescription("The builder image the operator resolved, and its lifecycle.")
    public ImageStatus builder;

    @JsonPropertyDescription("With spec.runtime: the run-time image the operator resolved, and its lifecycle.")
    public ImageStatus runtime;

    @JsonPropertyDescription("The latest build, the operator's latest build request and the webhook URLs.")
    public BuildReport build;

    @JsonPropertyDescription("The image the Deployment runs (set by OpenShift's image trigger after each build).")
    public String image;

    @SchemaFrom(type = SchemaDocs.Condition[].class)
    @JsonPropertyDescription("Reconciled, Ready, BuilderSupported and Built conditions, each with observedGeneration.")
    public List<Condition> conditions = new ArrayList<>();

    @Override
    public boolean equals(Object o) {
        return o instanceof PythonAppStatus s
                && Objects.equals(observedGeneration, s.observedGeneration)
                && Objects.equals(builder, s.builder)
                && Objects.equals(runtime, s.runtime)
                && Objects.equals(build, s.build)
                && Objects.equals(image, s.image)
                && Objects.equals(conditions, s.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(observedGeneration, builder, runtime, build, image, conditions);
    }
}

package dev.pythonapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Observed state, written only by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PythonAppStatus extends StatusValue {
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
    protected List<Object> values() {
        return Arrays.asList(observedGeneration, builder, runtime, build, image, conditions);
    }
}

package dev.pythonapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** Desired state of a {@link PythonApp}. Plain data: public fields, no logic. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PythonAppSpec {

    @Required
    @JsonPropertyDescription("Where the application source comes from.")
    public SourceSpec source;

    @Required
    @Pattern("^[23]\\.[0-9]{1,2}$")
    @PrinterColumn(name = "Python")
    @JsonPropertyDescription("Python version in major.minor form, for example \"3.12\". Together with builder.os and "
            + "builder.variant it selects the S2I builder image from the operator's catalog.")
    public String pythonVersion;

    @JsonPropertyDescription("Which builder image to use: OS family and variant, or an explicit image.")
    public BuilderSpec builder;

    @JsonPropertyDescription(
            "How the S2I image runs the application (the APP_* variables of the sclorg Python images).")
    public RunSpec run;

    @JsonPropertyDescription("Build-time settings.")
    public BuildSpec build;

    @JsonPropertyDescription("Run on another image than the builder, usually its minimal variant: the app is assembled "
            + "in the builder image, then its /opt/app-root (virtualenv and sources) is copied into the run-time image, "
            + "which gets only runtime.packages. Unset: the app runs on the builder image (plain S2I build).")
    public RuntimeSpec runtime;

    @JsonPropertyDescription("The Route that exposes the Service. Created unless route.enabled is false.")
    public RouteSpec route;

    @Min(0)
    @Max(1000)
    @JsonPropertyDescription("Number of pods. Leave unset to let a HorizontalPodAutoscaler or a person manage it "
            + "(the operator then does not own the field; Kubernetes starts with 1).")
    public Integer replicas;

    @JsonPropertyDescription(
            "What to do when the builder image is end of life: Rewrite (build with the supported "
                    + "successor), Warn (keep the builder, report it) or Block (pause new builds). Unset: the operator's default.")
    public EolPolicy eolPolicy;
}

package dev.pythonapp.operator.api;

import static io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type.DATE;
import static io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type.STRING;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A Python application built from git with an S2I Python builder and deployed with a Deployment, Service and Route.
 * The operator never writes {@code spec}; everything it decides is reported in {@code status}.
 */
@Group(PythonApp.GROUP)
@Version(PythonApp.VERSION)
@Plural("pythonapps")
@ShortNames("pyapp")
@AdditionalPrinterColumn(name = "Builder", jsonPath = ".status.builder.image", type = STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = STRING)
@AdditionalPrinterColumn(
        name = "Builder-Supported",
        jsonPath = ".status.conditions[?(@.type==\"BuilderSupported\")].reason",
        type = STRING,
        priority = 1)
@AdditionalPrinterColumn(name = "Runtime", jsonPath = ".status.runtime.image", type = STRING, priority = 1)
@AdditionalPrinterColumn(name = "Build", jsonPath = ".status.build.name", type = STRING)
@AdditionalPrinterColumn(name = "Built", jsonPath = ".status.conditions[?(@.type==\"Built\")].reason", type = STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = DATE)
// Children are named like the PythonApp: a Service name must be a DNS-1035 label, and OpenShift names build pods
// <name>-<build number>-build and labels them with <name>-<build number>, which must stay within 63 characters.
@ValidationRule(
        value = "self.metadata.name.size() <= " + PythonApp.MAX_NAME_LENGTH
                + " && self.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$')",
        message = "metadata.name must be a DNS-1035 label (lowercase letters, digits and '-', starting with a letter) "
                + "of at most " + PythonApp.MAX_NAME_LENGTH
                + " characters, because the Service, Route and build pods are named after it")
public class PythonApp extends CustomResource<PythonAppSpec, PythonAppStatus> implements Namespaced {
    public static final String GROUP = "pythonapp.dev";
    public static final String VERSION = "v1alpha1";
    public static final int MAX_NAME_LENGTH = 50;
    /** A new value of this annotation requests one build (GitOps-friendly; any value, e.g. a date). */
    public static final String REBUILD_ANNOTATION = "pythonapp.dev/rebuild";

    @Override
    @JsonPropertyDescription(
            "Desired state: source, Python version, builder and run settings. The operator never writes it.")
    public PythonAppSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("Observed state, written only by the operator: builder decision and conditions.")
    public PythonAppStatus getStatus() {
        return super.getStatus();
    }

    @Override
    protected PythonAppStatus initStatus() {
        return new PythonAppStatus();
    }
}

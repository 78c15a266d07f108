package dev.pythonapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.EnvVarSource;

/**
 * An environment variable, like a container's env entry. Our own type (not fabric8's EnvVar) so the schema can bound
 * the name, which keeps the CEL rules on env lists within the API server's cost budget.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EnvVarSpec {
    @Required
    @Size(min = 1, max = 253)
    @Pattern("^[-._a-zA-Z][-._a-zA-Z0-9]*$")
    @JsonPropertyDescription("Variable name.")
    public String name;

    @Size(max = 4096)
    @JsonPropertyDescription("Value (at most 4096 characters; use valueFrom with a ConfigMap for longer values).")
    public String value;

    @SchemaFrom(type = SchemaDocs.ValueFrom.class)
    @JsonPropertyDescription(
            "Source for the value (ConfigMap or Secret key, field or resource reference), as in a container.")
    public EnvVarSource valueFrom;

    public EnvVarSpec() {}

    public EnvVarSpec(String name, String value) {
        this.name = name;
        this.value = value;
    }
}

package dev.pythonapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * The image the app runs on, when it is not the builder: the app is assembled in the builder image and its
 * {@code /opt/app-root} (the virtualenv and the sources) is copied into this one, typically the minimal variant.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!has(self.image) || !has(self.variant)",
        message = "runtime.image replaces the catalog choice: set either runtime.image or runtime.variant, not both")
public class RuntimeSpec {

    @JsonPropertyDescription("Variant of the run-time image: the catalog image of the builder's OS and Python version "
            + "in this variant. Default: minimal (no compilers, no header files, microdnf).")
    public BuilderSpec.Variant variant;

    @Size(max = 512)
    @Pattern("^[^\\s]+$")
    @JsonPropertyDescription("Explicit run-time image (registry/repository[:tag|@digest]) instead of runtime.variant. "
            + "It must be a catalog image with the builder's OS and Python version, because the virtualenv copied "
            + "from the builder points at the builder's interpreter.")
    public String image;

    @Size(max = SystemPackages.MAX_COUNT)
    @ValidationRule(value = SystemPackages.NAMES_RULE, message = "runtime.packages: " + SystemPackages.NAMES_MESSAGE)
    @ValidationRule(value = SystemPackages.NO_COMPILERS_RULE, message = SystemPackages.NO_COMPILERS_MESSAGE)
    @JsonPropertyDescription("System packages installed (as root, with microdnf or dnf) in the run-time image, for "
            + "shared libraries and programs the app needs at run time, for example httpd for mod_wsgi or libpq for "
            + "psycopg2.")
    public List<@Size(max = SystemPackages.MAX_NAME_LENGTH) String> packages;
}

package dev.pythonapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!has(self.image) || (!has(self.os) && !has(self.variant))",
        message =
                "builder.image replaces the catalog choice: set either builder.image or builder.os/builder.variant, not both")
public class BuilderSpec {

    @JsonPropertyDescription(
            "Operating system family of the builder image. Default: the first of ubi9, ubi10, ubi8, c10s, "
                    + "c9s, fedora that has a supported image for the Python version.")
    public Os os;

    @JsonPropertyDescription("Image variant. Default: full when the OS has one for this version, otherwise minimal.")
    public Variant variant;

    @Size(max = 512)
    @Pattern("^[^\\s]+$")
    @JsonPropertyDescription(
            "Explicit builder image reference (registry/repository[:tag|@digest]). Overrides the catalog; "
                    + "the end-of-life policy still applies when the image is one the catalog knows.")
    public String image;

    /**
     * The OS families users may select, each naming its {@link OsFamily}. The CRD generator reads enum values only
     * from {@code @JsonProperty}, so each constant repeats its family's id there; OsFamilyTest proves the constants,
     * their JSON names, the generated CRD and {@link OsFamily#selectable()} agree.
     */
    public enum Os {
        @JsonProperty("ubi8")
        UBI8(OsFamily.UBI8),
        @JsonProperty("ubi9")
        UBI9(OsFamily.UBI9),
        @JsonProperty("ubi10")
        UBI10(OsFamily.UBI10),
        @JsonProperty("c9s")
        C9S(OsFamily.C9S),
        @JsonProperty("c10s")
        C10S(OsFamily.C10S),
        @JsonProperty("fedora")
        FEDORA(OsFamily.FEDORA);

        public final OsFamily family;

        Os(OsFamily family) {
            this.family = family;
        }
    }

    /** The image variants, each naming its {@link ImageVariant} (JSON names repeated for the CRD generator). */
    public enum Variant {
        @JsonProperty("full")
        FULL(ImageVariant.FULL),
        @JsonProperty("minimal")
        MINIMAL(ImageVariant.MINIMAL);

        public final ImageVariant variant;

        Variant(ImageVariant variant) {
            this.variant = variant;
        }
    }
}

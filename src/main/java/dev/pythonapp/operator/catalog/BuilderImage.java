package dev.pythonapp.operator.catalog;

import dev.pythonapp.operator.api.ImageVariant;
import dev.pythonapp.operator.api.OsFamily;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One sclorg S2I Python builder image: its identity ({@code name}, e.g. {@code ubi8/python-312}), what it is (Python
 * version, OS, variant), every name it is known by, and the vendor end-of-life date with its source.
 */
public record BuilderImage(
        String name,
        String python,
        OsFamily os,
        ImageVariant variant,
        Names names,
        VendorEol vendorEol,
        Optional<String> successor) {

    /**
     * The names of an image: the pull spec the operator uses, other registry names of the same image, and its tags
     * in the {@code openshift/python} ImageStream.
     */
    public record Names(String pullSpec, List<String> aliases, List<String> imageStreamTags) {
        public Names {
            aliases = List.copyOf(aliases);
            imageStreamTags = List.copyOf(imageStreamTags);
        }
    }

    /** The vendor's end of support, with the catalog source it comes from and an optional note. */
    public record VendorEol(LocalDate date, String source, String note) {}

    /** The pull spec the operator uses (registry/repository, no tag). */
    public String image() {
        return names.pullSpec();
    }

    /** Every registry name of the image: the pull spec, then its aliases. */
    public List<String> pullSpecs() {
        return Stream.concat(Stream.of(image()), names.aliases().stream()).toList();
    }

    public List<String> imageStreamTags() {
        return names.imageStreamTags();
    }

    /** The pull spec with the tag the operator tracks. */
    public String reference() {
        return image() + ":latest";
    }

    public boolean isVariant(ImageVariant v) {
        return variant == v;
    }
}

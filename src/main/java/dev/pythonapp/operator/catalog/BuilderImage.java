package dev.pythonapp.operator.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One sclorg S2I Python builder image: its identity ({@code name}, e.g. {@code ubi8/python-312}), the pull spec the
 * operator uses, every other name it is known by, and the vendor end-of-life date with its source.
 */
public record BuilderImage(
        String name,
        String python,
        String os,
        String variant,
        String image,
        List<String> aliases,
        List<String> imageStreamTags,
        LocalDate vendorEol,
        String vendorEolSource,
        String vendorEolNote,
        Optional<String> successor) {

    public BuilderImage {
        aliases = List.copyOf(aliases);
        imageStreamTags = List.copyOf(imageStreamTags);
    }

    /** The pull spec with the tag the operator tracks. */
    public String reference() {
        return image + ":latest";
    }

    public boolean isVariant(String v) {
        return variant.equals(v);
    }
}

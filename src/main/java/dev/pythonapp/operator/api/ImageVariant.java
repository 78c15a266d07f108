package dev.pythonapp.operator.api;

import java.util.Optional;

/** Builder image variants: the one list the API enum ({@link BuilderSpec.Variant}) and the catalog derive from. */
public enum ImageVariant implements WireName.LowerCase {
    FULL,
    MINIMAL;

    public static Optional<ImageVariant> byId(String id) {
        return WireName.byId(ImageVariant.class, id);
    }

    @Override
    public String toString() {
        return id();
    }
}

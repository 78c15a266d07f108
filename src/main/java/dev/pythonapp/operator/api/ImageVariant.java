package dev.pythonapp.operator.api;

import java.util.Arrays;
import java.util.Optional;

/** Builder image variants: the one list the API enum ({@link BuilderSpec.Variant}) and the catalog derive from. */
public enum ImageVariant {
    FULL("full"),
    MINIMAL("minimal");

    private final String id;

    ImageVariant(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ImageVariant> byId(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}

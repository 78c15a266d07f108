package dev.pythonapp.operator.eol;

/** Where a builder image stands on a given day. */
public enum LifecycleState {
    SUPPORTED,
    /** Supported, but end of life falls within the warn-ahead window. */
    END_OF_LIFE_SOON,
    END_OF_LIFE,
    /** The image is not in the catalog, so its dates are unknown. */
    UNKNOWN;

    /** The one nearer to (or past) end of life; an image past its end of life outweighs one with unknown dates. */
    public static LifecycleState worse(LifecycleState a, LifecycleState b) {
        return severity(a) >= severity(b) ? a : b;
    }

    private static int severity(LifecycleState state) {
        return switch (state) {
            case SUPPORTED -> 0;
            case UNKNOWN -> 1;
            case END_OF_LIFE_SOON -> 2;
            case END_OF_LIFE -> 3;
        };
    }
}

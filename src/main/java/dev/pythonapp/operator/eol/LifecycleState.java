package dev.pythonapp.operator.eol;

/** Where a builder image stands on a given day. */
public enum LifecycleState {
    SUPPORTED,
    /** Supported, but end of life falls within the warn-ahead window. */
    END_OF_LIFE_SOON,
    END_OF_LIFE,
    /** The image is not in the catalog, so its dates are unknown. */
    UNKNOWN
}

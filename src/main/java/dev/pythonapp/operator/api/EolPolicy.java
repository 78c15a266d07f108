package dev.pythonapp.operator.api;

/** What the operator does with an end-of-life builder image. */
public enum EolPolicy {
    /** Build with the supported successor builder; the spec is not changed. */
    Rewrite,
    /** Keep the requested builder and report it. */
    Warn,
    /** Pause the BuildConfig so no new build starts; the running Deployment is left alone. */
    Block
}

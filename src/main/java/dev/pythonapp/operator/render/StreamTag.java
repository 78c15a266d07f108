package dev.pythonapp.operator.render;

import dev.pythonapp.operator.api.WireName;

/** The tags of an app's ImageStream. */
public enum StreamTag implements WireName.LowerCase {
    /** Tracks the builder image (scheduled import), so a builder update triggers a rebuild. */
    BUILDER,
    /** Tracks the run-time image of an app with spec.runtime (scheduled import). */
    RUNTIME,
    /** What the builds push to and the Deployment runs. */
    LATEST;

    /** The ImageStreamTag name in the app's ImageStream: {@code <app>:<tag>}. */
    public String of(String app) {
        return app + ":" + id();
    }
}

package dev.pythonapp.operator.render;

import dev.pythonapp.operator.api.PythonApp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Labels on every child. The PythonApp's own {@code app.kubernetes.io/instance} label and Argo CD tracking metadata
 * are deliberately not copied: Argo CD would then claim the children as its own resources.
 */
public final class Labels {
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "pythonapp-operator";
    /** Informers of child resources only see objects with this label. */
    public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + MANAGED_BY_VALUE;
    /** Everything else (objects without the label too): what the existing-BuildConfig scan looks at. */
    public static final String NOT_MANAGED_SELECTOR = MANAGED_BY + "!=" + MANAGED_BY_VALUE;

    public static final String NAME = "app.kubernetes.io/name";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String RUNTIME = "app.openshift.io/runtime";
    public static final String RUNTIME_VERSION = "app.openshift.io/runtime-version";
    /** Pod selector label: stable for the life of the app (Deployment selectors are immutable). */
    public static final String APP = "pythonapp.dev/app";

    private Labels() {}

    public static Map<String, String> selector(PythonApp app) {
        return Map.of(APP, app.getMetadata().getName());
    }

    public static Map<String, String> forChild(PythonApp app, String runtimeVersion) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, app.getMetadata().getName());
        labels.put(COMPONENT, "python-app");
        labels.put(MANAGED_BY, MANAGED_BY_VALUE);
        labels.put(RUNTIME, "python");
        labels.put(RUNTIME_VERSION, runtimeVersion);
        labels.putAll(selector(app));
        return labels;
    }
}

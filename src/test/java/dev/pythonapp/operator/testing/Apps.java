package dev.pythonapp.operator.testing;

import dev.pythonapp.operator.api.EnvVarSpec;
import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.api.PythonAppSpec;
import dev.pythonapp.operator.api.SourceSpec;
import dev.pythonapp.operator.api.Vocabulary.ConditionType;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EnvVarSourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;
import java.util.function.Consumer;

/** Building and reading PythonApps in integration tests. */
public final class Apps {
    public static final String DJANGO_EX = "https://github.com/sclorg/django-ex.git";

    private Apps() {}

    public static PythonApp app(
            String namespace, String name, String pythonVersion, Consumer<PythonAppSpec> customize) {
        PythonApp app = new PythonApp();
        app.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        PythonAppSpec spec = new PythonAppSpec();
        spec.source = new SourceSpec();
        spec.source.git = new SourceSpec.GitSource();
        spec.source.git.uri = DJANGO_EX;
        spec.pythonVersion = pythonVersion;
        customize.accept(spec);
        app.setSpec(spec);
        return app;
    }

    /** An environment variable read from {@code key} of Secret {@code secret}. */
    public static EnvVarSpec fromSecret(String name, String secret, String key) {
        EnvVarSpec env = new EnvVarSpec(name, null);
        env.valueFrom = new EnvVarSourceBuilder()
                .withNewSecretKeyRef(key, secret, false)
                .build();
        return env;
    }

    public static PythonApp create(KubernetesClient client, PythonApp app) {
        return client.resources(PythonApp.class)
                .inNamespace(app.getMetadata().getNamespace())
                .resource(app)
                .create();
    }

    public static PythonApp get(KubernetesClient client, String namespace, String name) {
        return client.resources(PythonApp.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    public static Optional<Condition> condition(PythonApp app, ConditionType type) {
        if (app == null || app.getStatus() == null || app.getStatus().conditions == null) {
            return Optional.empty();
        }
        return app.getStatus().conditions.stream()
                .filter(c -> type.id().equals(c.getType()))
                .findFirst();
    }

    /** The message of condition {@code type}; fails when the app has no such condition. */
    public static String conditionMessage(PythonApp app, ConditionType type) {
        return condition(app, type)
                .orElseThrow(() -> new AssertionError("no " + type.id() + " condition"))
                .getMessage();
    }

    /** True when the condition is set for the app's current generation with the given status and reason. */
    public static boolean hasCondition(PythonApp app, ConditionType type, String status, String reason) {
        return condition(app, type)
                .filter(c -> status.equals(c.getStatus())
                        && reason.equals(c.getReason())
                        && app.getMetadata().getGeneration().equals(c.getObservedGeneration()))
                .isPresent();
    }
}

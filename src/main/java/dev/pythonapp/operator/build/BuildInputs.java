package dev.pythonapp.operator.build;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.render.Digest;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.BuildConfigSpec;
import io.fabric8.openshift.api.model.GitBuildSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What ends up in the image, read from the rendered BuildConfig (so a setting added to the BuildConfig later is an
 * input without touching this class twice): git URI, ref, context directory and source secret, the builder image,
 * every strategy environment variable (build env and the APP_* the S2I assemble bakes in), the inline Dockerfile,
 * image sources, the run-time image, and the value of the rebuild annotation. Each input is kept as a short digest, so status stays
 * small and shows no values.
 */
public final class BuildInputs {
    /** The input that is the rebuild annotation: changing only it is a rebuild request, not a change of inputs. */
    private static final String REBUILD = "rebuild";

    private BuildInputs() {}

    /**
     * The input digests of {@code buildConfig} built with {@code builderImage} and run on {@code runtimeImage} (null
     * for an app without spec.runtime, so that such an app's inputs stay what they were); {@code rebuild} may be null.
     */
    public static Map<String, String> of(
            BuildConfig buildConfig, String builderImage, String runtimeImage, String rebuild) {
        BuildConfigSpec spec = buildConfig.getSpec();
        Map<String, String> inputs = new TreeMap<>();
        Optional<GitBuildSource> git = Optional.ofNullable(spec.getSource().getGit());
        put(inputs, "git.uri", git.map(GitBuildSource::getUri).orElse(null));
        put(inputs, "git.ref", git.map(GitBuildSource::getRef).orElse(null));
        put(inputs, "contextDir", spec.getSource().getContextDir());
        put(
                inputs,
                "sourceSecret",
                spec.getSource().getSourceSecret() == null
                        ? null
                        : spec.getSource().getSourceSecret().getName());
        put(inputs, "dockerfile", spec.getSource().getDockerfile());
        put(
                inputs,
                "imageSources",
                spec.getSource().getImages() == null
                                || spec.getSource().getImages().isEmpty()
                        ? null
                        : spec.getSource().getImages().toString());
        put(inputs, "builder", builderImage);
        put(inputs, "runtime", runtimeImage);
        for (EnvVar env : strategyEnv(spec)) {
            put(inputs, "env." + env.getName(), env.getValue() != null ? env.getValue() : valueFrom(env));
        }
        put(inputs, REBUILD, rebuild);
        return inputs;
    }

    /** Names of the inputs that differ between {@code before} and {@code after} (added, removed or changed). */
    public static List<String> changed(Map<String, String> before, Map<String, String> after) {
        TreeMap<String, Boolean> names = new TreeMap<>();
        before.keySet().forEach(k -> names.put(k, true));
        after.keySet().forEach(k -> names.put(k, true));
        return names.keySet().stream()
                .filter(k -> !Objects.equals(before.get(k), after.get(k)))
                .toList();
    }

    /** A triggeredBy message naming what changed, e.g. "pythonapp-operator: build inputs changed: git.ref". */
    public static String describeChange(List<String> changed) {
        if (changed.equals(List.of(REBUILD))) {
            return "pythonapp-operator: rebuild requested (annotation " + PythonApp.REBUILD_ANNOTATION + " changed)";
        }
        return "pythonapp-operator: build inputs changed: " + String.join(", ", changed);
    }

    private static List<EnvVar> strategyEnv(BuildConfigSpec spec) {
        var strategy = spec.getStrategy();
        List<EnvVar> env = null;
        if (strategy.getSourceStrategy() != null) {
            env = strategy.getSourceStrategy().getEnv();
        } else if (strategy.getDockerStrategy() != null) {
            env = strategy.getDockerStrategy().getEnv();
        }
        return env == null ? List.of() : env;
    }

    private static String valueFrom(EnvVar env) {
        return env.getValueFrom() == null ? null : env.getValueFrom().toString();
    }

    private static void put(Map<String, String> inputs, String name, String value) {
        if (value != null) {
            inputs.put(name, digest(value));
        }
    }

    private static String digest(String value) {
        return HexFormat.of().formatHex(Digest.sha256(value), 0, 6);
    }
}

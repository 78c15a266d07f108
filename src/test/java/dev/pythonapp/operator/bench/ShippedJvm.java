package dev.pythonapp.operator.bench;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM of the shipped Deployment (deploy/base/deployment.yaml), outside a container: {@code -XX:MaxRAM} stands
 * for the memory limit the JVM would read from its cgroup, plus the heap ratio, GC and JIT options the Deployment sets
 * for the image's run-java.sh. Nothing is hard-coded here, so a change of the Deployment changes what the benchmarks run.
 */
final class ShippedJvm {
    static final Path DEPLOYMENT = Path.of("deploy", "base", "deployment.yaml");

    private ShippedJvm() {}

    static Container container() {
        try (InputStream in = Files.newInputStream(DEPLOYMENT)) {
            Deployment deployment = Serialization.unmarshal(in, Deployment.class);
            return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long memoryLimitBytes() {
        Quantity limit = container().getResources().getLimits().get("memory");
        return Quantity.getAmountInBytes(limit).longValueExact();
    }

    static String env(String name) {
        return container().getEnv().stream()
                .filter(e -> name.equals(e.getName()))
                .map(EnvVar::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(DEPLOYMENT + " sets no " + name));
    }

    static List<String> options() {
        List<String> options = new ArrayList<>();
        options.add("-XX:MaxRAM=" + memoryLimitBytes());
        options.add("-XX:MaxRAMPercentage=" + env("JAVA_MAX_MEM_RATIO"));
        options.addAll(Arrays.asList(env("GC_CONTAINER_OPTIONS").trim().split("\\s+")));
        options.addAll(Arrays.asList(env("JAVA_OPTS_APPEND").trim().split("\\s+")));
        // -Dbench.jvmOptions="-XX:StartFlightRecording=...": to profile a run, not part of the shipped settings
        String extra = System.getProperty("bench.jvmOptions", "").trim();
        if (!extra.isEmpty()) {
            options.addAll(Arrays.asList(extra.split("\\s+")));
        }
        return options;
    }
}

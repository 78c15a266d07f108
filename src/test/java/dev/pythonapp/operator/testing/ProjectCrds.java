package dev.pythonapp.operator.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Installs the project's CRDs as committed in crds/ (a unit test keeps them equal to the generated ones). */
public final class ProjectCrds {
    public static final Path PYTHONAPP_CRD = Path.of("crds", "pythonapps.pythonapp.dev-v1.yml");

    private ProjectCrds() {}

    public static void install(KubernetesClient client) {
        try (InputStream in = Files.newInputStream(PYTHONAPP_CRD)) {
            for (HasMetadata item : client.load(in).items()) {
                client.resource(item).forceConflicts().serverSideApply();
                client.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName(item.getMetadata().getName())
                        .waitUntilCondition(ProjectCrds::established, 60, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh namespace on the shared control plane, for a test class of its own; the CRDs are installed there. */
    public static String freshNamespace(String prefix) {
        KubernetesClient admin = ControlPlane.shared().adminClient();
        install(admin);
        return TestNamespaces.create(admin, prefix);
    }

    public static boolean established(CustomResourceDefinition crd) {
        return crd != null
                && crd.getStatus() != null
                && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}

package dev.pythonapp.operator.testing;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.openshift.api.model.Build;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.Route;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * CRDs standing in for the OpenShift APIs the operator uses (build.openshift.io BuildConfig and Build,
 * image.openshift.io ImageStream, route.openshift.io Route), generated from the fabric8 OpenShift model classes.
 * Schemas are permissive (preserve unknown fields), so nothing is pruned, and each has a status subresource like the
 * real API. What they cannot do (builds, image import, route hosts, instantiate) is documented in the README.
 */
public final class OpenShiftStandInCrds {
    static final Map<Class<? extends HasMetadata>, String> TYPES = Map.of(
            BuildConfig.class, "bc",
            Build.class, "build",
            ImageStream.class, "is",
            Route.class, "route");

    private OpenShiftStandInCrds() {}

    public static List<CustomResourceDefinition> definitions() {
        return TYPES.entrySet().stream()
                .map(e -> definition(e.getKey(), e.getValue()))
                .sorted((a, b) ->
                        a.getMetadata().getName().compareTo(b.getMetadata().getName()))
                .toList();
    }

    static CustomResourceDefinition definition(Class<? extends HasMetadata> type, String shortName) {
        String group = HasMetadata.getGroup(type);
        String plural = HasMetadata.getPlural(type);
        String kind = HasMetadata.getKind(type);
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName(plural + "." + group)
                .addToAnnotations(
                        "pythonapp.dev/stand-in",
                        "OpenShift API stand-in for tests and local runs; no controller behind it")
                .endMetadata()
                .withNewSpec()
                .withGroup(group)
                .withScope("Namespaced")
                .withNewNames()
                .withKind(kind)
                .withListKind(kind + "List")
                .withPlural(plural)
                .withSingular(kind.toLowerCase(Locale.ROOT))
                .withShortNames(shortName)
                .endNames()
                .addNewVersion()
                .withName(HasMetadata.getVersion(type))
                .withServed(true)
                .withStorage(true)
                .withNewSchema()
                .withNewOpenAPIV3Schema()
                .withType("object")
                .withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema()
                .endSchema()
                .withNewSubresources()
                .withNewStatus()
                .endStatus()
                .endSubresources()
                .endVersion()
                .endSpec()
                .build();
    }

    public static void install(KubernetesClient client) {
        install(client, definitions());
    }

    /**
     * On an existing cluster: the stand-ins for the APIs it does not serve itself (discovery), so a real OpenShift
     * keeps its build.openshift.io, image.openshift.io and route.openshift.io.
     */
    public static void installWhereMissing(KubernetesClient client) {
        List<CustomResourceDefinition> missing = definitions().stream()
                .filter(crd -> !servedByTheCluster(client, crd))
                .toList();
        System.out.println("OpenShift APIs served by the cluster: "
                + definitions().stream()
                        .filter(crd -> !missing.contains(crd))
                        .map(crd -> crd.getMetadata().getName())
                        .toList()
                + "; stand-ins installed: "
                + missing.stream().map(crd -> crd.getMetadata().getName()).toList());
        install(client, missing);
    }

    /** True if the cluster serves the resource and not through a stand-in CRD (of an earlier run). */
    static boolean servedByTheCluster(KubernetesClient client, CustomResourceDefinition crd) {
        String groupVersion = crd.getSpec().getGroup() + "/"
                + crd.getSpec().getVersions().get(0).getName();
        APIResourceList served;
        try {
            served = client.getApiResources(groupVersion);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
            served = null;
        }
        boolean listed = served != null
                && served.getResources().stream()
                        .anyMatch(
                                r -> r.getName().equals(crd.getSpec().getNames().getPlural()));
        return listed
                && client.apiextensions()
                                .v1()
                                .customResourceDefinitions()
                                .withName(crd.getMetadata().getName())
                                .get()
                        == null;
    }

    static void install(KubernetesClient client, List<CustomResourceDefinition> crds) {
        for (CustomResourceDefinition crd : crds) {
            client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .resource(crd)
                    .serverSideApply();
        }
        for (CustomResourceDefinition crd : crds) {
            client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(crd.getMetadata().getName())
                    .waitUntilCondition(ProjectCrds::established, 60, TimeUnit.SECONDS);
        }
    }
}

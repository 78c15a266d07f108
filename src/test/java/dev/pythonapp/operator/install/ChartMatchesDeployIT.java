package dev.pythonapp.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.install.Renders.ChartVariant;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart with its defaults installs what deploy/cluster-wide installs (labels and names aside): the same webhooks,
 * operator pod, Service ports and CRD. RBAC is compared in {@link RbacIT}.
 */
class ChartMatchesDeployIT {
    static Manifests chart;
    static Manifests deploy;

    @BeforeAll
    static void render() {
        chart = Renders.chart(ChartVariant.DEFAULTS);
        deploy = Renders.kustomize("cluster-wide");
    }

    @Test
    void webhooks() {
        assertThat(chart.one(ValidatingWebhookConfiguration.class).getWebhooks())
                .isEqualTo(deploy.one(ValidatingWebhookConfiguration.class).getWebhooks());
        assertThat(chart.one(MutatingWebhookConfiguration.class).getWebhooks())
                .isEqualTo(deploy.one(MutatingWebhookConfiguration.class).getWebhooks());
    }

    /** The pod spec with list order and the ServiceAccount's name (release-dependent in the chart) taken out. */
    static PodSpec normalizedPod(Manifests m) {
        PodSpec pod = m.one(Deployment.class).getSpec().getTemplate().getSpec();
        Container c = InstallAssertions.container(m);
        Container sorted = new ContainerBuilder(c)
                .withEnv(sorted(c.getEnv(), Comparator.comparing(EnvVar::getName)))
                .withPorts(sorted(c.getPorts(), Comparator.comparing(ContainerPort::getName)))
                .withVolumeMounts(sorted(c.getVolumeMounts(), Comparator.comparing(VolumeMount::getName)))
                .build();
        return new PodSpecBuilder(pod)
                .withContainers(sorted)
                .withVolumes(sorted(pod.getVolumes(), Comparator.comparing(Volume::getName)))
                .withServiceAccountName(null)
                .build();
    }

    static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        return items.stream().sorted(order).toList();
    }

    @Test
    void deployment() {
        assertThat(normalizedPod(chart)).isEqualTo(normalizedPod(deploy));
        assertThat(chart.one(Deployment.class).getSpec().getReplicas())
                .isEqualTo(deploy.one(Deployment.class).getSpec().getReplicas());
        assertThat(chart.one(Deployment.class).getSpec().getStrategy())
                .isEqualTo(deploy.one(Deployment.class).getSpec().getStrategy());
    }

    @Test
    void servicePorts() {
        Comparator<ServicePort> byName = Comparator.comparing(ServicePort::getName);
        assertThat(sorted(chart.one(Service.class).getSpec().getPorts(), byName))
                .isEqualTo(sorted(deploy.one(Service.class).getSpec().getPorts(), byName));
    }

    @Test
    void crd() {
        CustomResourceDefinition fromChart = chart.one(CustomResourceDefinition.class);
        CustomResourceDefinition fromDeploy = deploy.one(CustomResourceDefinition.class);
        assertThat(fromChart.getMetadata().getName())
                .isEqualTo(fromDeploy.getMetadata().getName());
        assertThat(fromChart.getSpec()).isEqualTo(fromDeploy.getSpec());
    }
}

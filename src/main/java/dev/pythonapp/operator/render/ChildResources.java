package dev.pythonapp.operator.render;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.api.PythonAppSpec;
import dev.pythonapp.operator.api.RouteSpec;
import dev.pythonapp.operator.eol.BuilderDecision;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentFluent;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.BuildConfigBuilder;
import io.fabric8.openshift.api.model.BuildStrategy;
import io.fabric8.openshift.api.model.BuildStrategyBuilder;
import io.fabric8.openshift.api.model.BuildTriggerPolicy;
import io.fabric8.openshift.api.model.BuildTriggerPolicyBuilder;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.ImageStreamBuilder;
import io.fabric8.openshift.api.model.Route;
import io.fabric8.openshift.api.model.RouteBuilder;
import io.fabric8.openshift.api.model.TagReference;
import io.fabric8.openshift.api.model.TagReferenceBuilder;
import io.fabric8.openshift.api.model.WebHookTrigger;
import io.fabric8.openshift.api.model.WebHookTriggerBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a PythonApp into the desired child objects. Pure functions of {@link RenderInput}: no cluster calls, no
 * clock, no randomness, so rendering twice gives equal objects and an unchanged app causes no writes.
 */
public final class ChildResources {
    public static final int PORT = 8080;
    public static final String PORT_NAME = "http";
    public static final String CONTAINER = "app";
    public static final String BUILD_PAUSED_ANNOTATION = "openshift.io/build-config.paused";
    public static final String IMAGE_TRIGGERS_ANNOTATION = "image.openshift.io/triggers";

    private ChildResources() {}

    private static ObjectMeta metadata(RenderInput in, String name) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(in.namespace())
                .withLabels(in.labels())
                .build();
    }

    /**
     * The app's ImageStream. Tag {@code builder} imports the builder image on a schedule (OpenShift re-imports it about
     * every 15 minutes), which fires the BuildConfig's ImageChange trigger when the builder gets a new image; with
     * spec.runtime, tag {@code runtime} does the same for the run-time image. Tag {@code latest} is written by builds.
     */
    public static ImageStream imageStream(RenderInput in) {
        List<TagReference> tags = new ArrayList<>();
        tags.add(trackedTag(
                StreamTag.BUILDER,
                in.builder().effective().reference(),
                "S2I builder of " + in.name() + ", tracked by pythonapp-operator"));
        in.builder()
                .runtime()
                .ifPresent(runtime -> tags.add(trackedTag(
                        StreamTag.RUNTIME,
                        runtime.effective().reference(),
                        "Run-time image of " + in.name() + ", tracked by pythonapp-operator")));
        return new ImageStreamBuilder()
                .withMetadata(metadata(in, in.name()))
                .withNewSpec()
                .withNewLookupPolicy(false)
                .withTags(tags)
                .endSpec()
                .build();
    }

    private static TagReference trackedTag(StreamTag tag, String image, String description) {
        return new TagReferenceBuilder()
                .withName(tag.id())
                .withNewFrom()
                .withKind("DockerImage")
                .withName(image)
                .endFrom()
                .withNewImportPolicy()
                .withScheduled(true)
                .endImportPolicy()
                .withNewReferencePolicy("Source")
                .withAnnotations(Map.of("description", description))
                .build();
    }

    /**
     * The BuildConfig: git source, output {@code <name>:latest}, the APP_* and build env. Plain S2I (Source strategy
     * from the ImageStream's builder tag) unless spec.runtime or spec.build.packages ask for the two-stage build, which
     * is a Docker strategy with a generated Dockerfile ({@link TwoStageBuild}).
     */
    public static BuildConfig buildConfig(RenderInput in) {
        PythonAppSpec spec = in.app().getSpec();
        ObjectMeta meta = metadata(in, in.name());
        if (in.builder().action() == BuilderDecision.Action.PAUSE) {
            meta.setAnnotations(Map.of(BUILD_PAUSED_ANNOTATION, "true"));
        }
        Optional<TwoStageBuild> twoStage = TwoStageBuild.of(in);
        return new BuildConfigBuilder()
                .withMetadata(meta)
                .withNewSpec()
                .withRunPolicy("Serial")
                .withSuccessfulBuildsHistoryLimit(5)
                .withFailedBuildsHistoryLimit(5)
                .withNewSource()
                .withType("Git")
                .withNewGit()
                .withUri(spec.source.git.uri)
                .withRef(spec.source.git.ref)
                .endGit()
                .withContextDir(spec.source.contextDir)
                .withSourceSecret(
                        spec.source.secretRef == null
                                ? null
                                : new io.fabric8.kubernetes.api.model.LocalObjectReference(spec.source.secretRef.name))
                .withDockerfile(twoStage.map(TwoStageBuild::dockerfile).orElse(null))
                .withImages(twoStage.map(TwoStageBuild::imageSources).orElse(List.of()))
                .endSource()
                .withStrategy(twoStage.map(t -> t.strategy(S2iEnvironment.buildEnv(spec)))
                        .orElseGet(() -> sourceStrategy(in)))
                .withNewOutput()
                .withNewTo()
                .withKind("ImageStreamTag")
                .withName(StreamTag.LATEST.of(in.name()))
                .endTo()
                .endOutput()
                .addNewTrigger()
                .withType("ConfigChange")
                .endTrigger()
                .addNewTrigger()
                .withType("ImageChange")
                .withNewImageChange()
                .endImageChange()
                .endTrigger()
                .addAllToTriggers(twoStage.map(TwoStageBuild::builderTrigger).orElse(List.of()))
                .addAllToTriggers(webhookTriggers(spec))
                .endSpec()
                .build();
    }

    /** S2I from the ImageStream's builder tag; the env becomes the output image's env too. */
    private static BuildStrategy sourceStrategy(RenderInput in) {
        return new BuildStrategyBuilder()
                .withType("Source")
                .withNewSourceStrategy()
                .withNewFrom()
                .withKind("ImageStreamTag")
                .withName(StreamTag.BUILDER.of(in.name()))
                .endFrom()
                .withEnv(S2iEnvironment.buildEnv(in.app().getSpec()))
                .endSourceStrategy()
                .build();
    }

    /** GitHub, GitLab and Generic push webhooks authenticated by the Secret the app names (none without one). */
    static List<BuildTriggerPolicy> webhookTriggers(PythonAppSpec spec) {
        if (spec.build == null || spec.build.webhookSecretRef == null) {
            return List.of();
        }
        WebHookTrigger trigger = new WebHookTriggerBuilder()
                .withNewSecretReference(spec.build.webhookSecretRef.name)
                .build();
        return List.of(
                new BuildTriggerPolicyBuilder()
                        .withType("GitHub")
                        .withGithub(trigger)
                        .build(),
                new BuildTriggerPolicyBuilder()
                        .withType("GitLab")
                        .withGitlab(trigger)
                        .build(),
                new BuildTriggerPolicyBuilder()
                        .withType("Generic")
                        .withGeneric(trigger)
                        .build());
    }

    /**
     * The Deployment. OpenShift's image trigger controller sets the container image from {@code <name>:latest} once a
     * build has pushed; until then the image points at the internal registry. The operator re-sends whatever image the
     * Deployment has, so the two never fight over the field.
     */
    public static Deployment deployment(RenderInput in) {
        PythonAppSpec spec = in.app().getSpec();
        String image = in.currentDeploymentImage()
                .orElse("image-registry.openshift-image-registry.svc:5000/" + in.namespace() + "/"
                        + StreamTag.LATEST.of(in.name()));
        ObjectMeta meta = metadata(in, in.name());
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(
                IMAGE_TRIGGERS_ANNOTATION,
                "[{\"from\":{\"kind\":\"ImageStreamTag\",\"name\":\"" + StreamTag.LATEST.of(in.name())
                        + "\"},\"fieldPath\":\"spec.template.spec.containers[?(@.name==\\\"" + CONTAINER
                        + "\\\")].image\"}]");
        annotations.put("app.openshift.io/vcs-uri", spec.source.git.uri);
        if (spec.source.git.ref != null) {
            annotations.put("app.openshift.io/vcs-ref", spec.source.git.ref);
        }
        meta.setAnnotations(annotations);
        boolean hot = S2iEnvironment.hotDeploy(spec.run);
        DeploymentFluent<DeploymentBuilder>.SpecNested<DeploymentBuilder> deploymentSpec = new DeploymentBuilder()
                .withMetadata(meta)
                .withNewSpec()
                .withReplicas(spec.replicas)
                .withNewSelector()
                .withMatchLabels(Labels.selector(in.app()))
                .endSelector();
        var template = deploymentSpec
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(in.labels())
                .endMetadata()
                .withNewSpec()
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .addNewContainer()
                .withName(CONTAINER)
                .withImage(image)
                .addNewPort()
                .withName(PORT_NAME)
                .withContainerPort(PORT)
                .withProtocol("TCP")
                .endPort()
                .withEnv(S2iEnvironment.runEnv(spec))
                .withReadinessProbe(tcpProbe(5, 10))
                .withLivenessProbe(tcpProbe(30, 20))
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .withRunAsNonRoot(true)
                .withNewCapabilities()
                .addToDrop("ALL")
                .endCapabilities()
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .withVolumeMounts(
                        hot
                                ? java.util.List.of(new io.fabric8.kubernetes.api.model.VolumeMountBuilder()
                                        .withName("gunicorn-config")
                                        .withMountPath(S2iEnvironment.HOT_DEPLOY_DIR)
                                        .withReadOnly(true)
                                        .build())
                                : java.util.List.of())
                .endContainer()
                .withVolumes(
                        hot
                                ? java.util.List.of(new io.fabric8.kubernetes.api.model.VolumeBuilder()
                                        .withName("gunicorn-config")
                                        .withNewConfigMap()
                                        .withName(gunicornConfigMapName(in.app()))
                                        .endConfigMap()
                                        .build())
                                : java.util.List.of())
                .endSpec();
        return template.endTemplate().endSpec().build();
    }

    // TCP, not HTTP: a Django app answers 400 to a probe whose Host header is not in ALLOWED_HOSTS.
    private static Probe tcpProbe(int initialDelay, int period) {
        return new ProbeBuilder()
                .withNewTcpSocket()
                .withPort(new IntOrString(PORT_NAME))
                .endTcpSocket()
                .withInitialDelaySeconds(initialDelay)
                .withPeriodSeconds(period)
                .build();
    }

    public static Service service(RenderInput in) {
        return new ServiceBuilder()
                .withMetadata(metadata(in, in.name()))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(Labels.selector(in.app()))
                .addNewPort()
                .withName(PORT_NAME)
                .withPort(PORT)
                .withTargetPort(new IntOrString(PORT))
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build();
    }

    /** Route to the Service; edge TLS with a redirect from plain HTTP unless route.tls is false. */
    public static Route route(RenderInput in) {
        RouteSpec route = in.app().getSpec().route;
        boolean tls = route == null || route.tls == null || route.tls;
        var spec = new RouteBuilder()
                .withMetadata(metadata(in, in.name()))
                .withNewSpec()
                .withHost(route == null ? null : route.host)
                .withNewTo()
                .withKind("Service")
                .withName(in.name())
                .endTo()
                .withNewPort()
                .withTargetPort(new IntOrString(PORT_NAME))
                .endPort();
        if (tls) {
            spec = spec.withNewTls()
                    .withTermination("edge")
                    .withInsecureEdgeTerminationPolicy("Redirect")
                    .endTls();
        }
        return spec.endSpec().build();
    }

    public static String gunicornConfigMapName(PythonApp app) {
        return app.getMetadata().getName() + "-gunicorn";
    }

    /**
     * gunicorn config for hot deploy. Setting APP_CONFIG makes the image drop its default
     * {@code --bind=0.0.0.0:$PORT --access-logfile=-}, so both are set here; gunicorn would otherwise bind 127.0.0.1:8000.
     */
    public static ConfigMap gunicornConfig(RenderInput in) {
        String config = """
                # Generated by pythonapp-operator for spec.run.hotDeploy: reload code changed in the running container.
                bind = "0.0.0.0:%d"
                reload = True
                accesslog = "-"
                """.formatted(PORT);
        return new ConfigMapBuilder()
                .withMetadata(metadata(in, gunicornConfigMapName(in.app())))
                .withData(Map.of(S2iEnvironment.HOT_DEPLOY_FILE, config))
                .build();
    }
}

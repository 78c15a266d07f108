package dev.pythonapp.operator.testing;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.Build;
import io.fabric8.openshift.api.model.BuildBuilder;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.BuildStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Does to the API objects what OpenShift's build controller does (the stand-in CRDs have no controller), from the
 * facts in shared/reference/builds-and-runtime.md section 3 and openshift/api build/v1: a Build named
 * {@code <bc>-<n>} with the BuildConfig's labels plus {@code buildconfig} and {@code openshift.io/build-config.name},
 * annotation {@code openshift.io/build.number}, a controller reference to the BuildConfig, the BuildConfig's source,
 * strategy and output, {@code status.config}, and BuildConfig {@code status.lastVersion}; then the phases, with
 * {@code spec.revision.git.commit}, reason, message, {@code logSnippet}, times, duration and output digest.
 *
 * <p>Tests drive it explicitly. It does not run build pods, fetch git, push images, update the ImageStream or the
 * Deployment's image (OpenShift's image trigger), serve {@code instantiate} or webhooks, queue builds by run policy,
 * or prune build history.
 */
public final class BuildSimulator {
    public static final String NUMBER_ANNOTATION = "openshift.io/build.number";

    private final KubernetesClient client;
    private final String namespace;

    public BuildSimulator(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** A new Build of {@code buildConfig}, phase New, started for {@code triggeredBy}. */
    public Build start(String buildConfig, String triggeredBy) {
        BuildConfig bc = client.resources(BuildConfig.class)
                .inNamespace(namespace)
                .withName(buildConfig)
                .get();
        long number = (bc.getStatus() == null || bc.getStatus().getLastVersion() == null
                        ? 0
                        : bc.getStatus().getLastVersion())
                + 1;
        bc.setStatus(new io.fabric8.openshift.api.model.BuildConfigStatusBuilder()
                .withLastVersion(number)
                .build());
        client.resource(bc).updateStatus();
        Map<String, String> labels = new LinkedHashMap<>(bc.getMetadata().getLabels());
        labels.put("buildconfig", buildConfig);
        labels.put("openshift.io/build-config.name", buildConfig);
        Build build = client.resource(new BuildBuilder()
                        .withNewMetadata()
                        .withName(buildConfig + "-" + number)
                        .withNamespace(namespace)
                        .withLabels(labels)
                        .withAnnotations(Map.of(
                                NUMBER_ANNOTATION,
                                String.valueOf(number),
                                "openshift.io/build-config.name",
                                buildConfig))
                        .withOwnerReferences(new OwnerReferenceBuilder()
                                .withApiVersion("build.openshift.io/v1")
                                .withKind("BuildConfig")
                                .withName(buildConfig)
                                .withUid(bc.getMetadata().getUid())
                                .withController(true)
                                .build())
                        .endMetadata()
                        .withNewSpec()
                        .withSource(bc.getSpec().getSource())
                        .withStrategy(bc.getSpec().getStrategy())
                        .withOutput(bc.getSpec().getOutput())
                        .addNewTriggeredBy()
                        .withMessage(triggeredBy)
                        .endTriggeredBy()
                        .endSpec()
                        .build())
                .create();
        return status(
                build.getMetadata().getName(),
                b -> new BuildBuilder(b)
                        .withNewStatus()
                        .withPhase("New")
                        .withNewConfig()
                        .withKind("BuildConfig")
                        .withName(buildConfig)
                        .withNamespace(namespace)
                        .endConfig()
                        .endStatus()
                        .build());
    }

    /** The build pod runs: phase Running, the commit fetched. */
    public Build run(String build, String commit, Instant started) {
        // the commit is in spec (spec.revision), which a status update does not change
        client.resources(Build.class)
                .inNamespace(namespace)
                .withName(build)
                .edit(b -> new BuildBuilder(b)
                        .editSpec()
                        .withNewRevision()
                        .withType("Git")
                        .withNewGit()
                        .withCommit(commit)
                        .endGit()
                        .endRevision()
                        .endSpec()
                        .build());
        return status(
                build,
                b -> new BuildBuilder(b)
                        .editStatus()
                        .withPhase("Running")
                        .withStartTimestamp(started.toString())
                        .endStatus()
                        .build());
    }

    /** The build pushed its image. */
    public Build complete(String build, String digest, Duration took) {
        return finish(
                build,
                "Complete",
                took,
                s -> s.withOutputDockerImageReference("image-registry.openshift-image-registry.svc:5000/" + namespace
                                + "/" + s.buildConfig().getName() + ":latest")
                        .withNewOutput()
                        .withNewTo()
                        .withImageDigest(digest)
                        .endTo()
                        .endOutput());
    }

    /** The build failed: phase Failed with OpenShift's reason, message and the end of the log. */
    public Build fail(String build, String reason, String message, String logSnippet, Duration took) {
        return finish(
                build,
                "Failed",
                took,
                s -> s.withReason(reason).withMessage(message).withLogSnippet(logSnippet));
    }

    /** Ends the build in {@code phase}, {@code took} after it started; {@code outcome} adds the rest of the status. */
    private Build finish(String build, String phase, Duration took, UnaryOperator<BuildStatusBuilder> outcome) {
        return status(build, b -> {
            Instant started = Instant.parse(b.getStatus().getStartTimestamp());
            b.setStatus(outcome.apply(new BuildStatusBuilder(b.getStatus()).withPhase(phase))
                    .withCompletionTimestamp(started.plus(took).toString())
                    .withDuration(took.toNanos())
                    .build());
            return b;
        });
    }

    private Build status(String build, UnaryOperator<Build> change) {
        Build current = client.resources(Build.class)
                .inNamespace(namespace)
                .withName(build)
                .get();
        return client.resource(change.apply(current)).updateStatus();
    }
}

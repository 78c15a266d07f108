package dev.pythonapp.operator.render;

import dev.pythonapp.operator.api.BuildStages;
import dev.pythonapp.operator.api.ImageVariant;
import dev.pythonapp.operator.api.PythonAppSpec;
import dev.pythonapp.operator.api.SystemPackages;
import dev.pythonapp.operator.catalog.BuilderImage;
import dev.pythonapp.operator.eol.BuilderDecision;
import dev.pythonapp.operator.eol.BuilderDecision.BuilderChoice;
import io.fabric8.openshift.api.model.BuildStrategy;
import io.fabric8.openshift.api.model.BuildStrategyBuilder;
import io.fabric8.openshift.api.model.BuildTriggerPolicy;
import io.fabric8.openshift.api.model.BuildTriggerPolicyBuilder;
import io.fabric8.openshift.api.model.ImageSource;
import io.fabric8.openshift.api.model.ImageSourceBuilder;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The two-stage build of an app with spec.runtime or spec.build.packages: one Docker-strategy BuildConfig whose
 * inline Dockerfile assembles the app in the builder image (after installing the build packages) and copies
 * {@code /opt/app-root} into the run-time image (after installing the run-time packages). Without spec.runtime the
 * run-time image is the builder image itself, so build packages never reach the image the app runs on.
 *
 * <p>OpenShift rewrites the Dockerfile before building: {@code dockerStrategy.from} replaces the last FROM (here the
 * {@code runtime} tag, or {@code builder} without spec.runtime), the image source whose {@code as} names the builder
 * replaces the first FROM with the {@code builder} tag's image, and the strategy env goes in after every FROM, so the
 * assemble step sees the build variables and APP_* as in an S2I build (openshift/builder, docker.go:
 * replaceLastFrom, insertEnvAfterFrom, replaceImagesFromSource). Both FROM lines name the images' own pull specs, so
 * the Dockerfile also builds as it is (for example with podman, from the context directory).
 */
public final class TwoStageBuild {
    /** The stage that runs the builder's S2I assemble; the last stage copies /opt/app-root from it. */
    public static final String ASSEMBLE_STAGE = "assemble";

    /** One stage: its image (pull spec), the variant that decides the package manager, the packages to install. */
    public record Stage(String image, ImageVariant variant, List<String> packages) {
        String packageManager() {
            // the full images have dnf; the minimal ones only microdnf (sclorg 3.12-minimal/README.md)
            return variant == ImageVariant.MINIMAL ? "microdnf" : "dnf";
        }
    }

    private final String app;
    private final Stage assemble;
    private final Stage run;
    private final boolean separateRuntime;

    private TwoStageBuild(String app, Stage assemble, Stage run, boolean separateRuntime) {
        this.app = app;
        this.assemble = assemble;
        this.run = run;
        this.separateRuntime = separateRuntime;
    }

    /** The two-stage build of {@code in}, or empty for an app built with plain S2I. */
    public static Optional<TwoStageBuild> of(RenderInput in) {
        PythonAppSpec spec = in.app().getSpec();
        if (!BuildStages.twoStage(spec)) {
            return Optional.empty();
        }
        BuilderDecision decision = in.builder();
        Stage assemble = stage(decision.effective(), BuildStages.buildPackages(spec));
        Stage run = decision.runtime()
                .map(r -> stage(r.effective(), BuildStages.runtimePackages(spec)))
                .orElseGet(() -> stage(decision.effective(), List.of()));
        return Optional.of(
                new TwoStageBuild(in.name(), assemble, run, decision.runtime().isPresent()));
    }

    private static Stage stage(BuilderChoice image, List<String> packages) {
        // the policy refuses the two-stage build with an image the catalog does not know (RuntimePolicy)
        ImageVariant variant = image.image()
                .map(BuilderImage::variant)
                .orElseThrow(() -> new IllegalStateException(
                        "the two-stage build needs a catalog image, got " + image.reference()));
        return new Stage(image.reference(), variant, SystemPackages.requireValid(packages));
    }

    /** The ImageStream tag the last stage builds on: {@code runtime}, or {@code builder} without spec.runtime. */
    public String runtimeTag() {
        return (separateRuntime ? StreamTag.RUNTIME : StreamTag.BUILDER).of(app);
    }

    /** Docker strategy from the run-time tag (OpenShift puts its image into the last FROM), with the build env. */
    BuildStrategy strategy(List<io.fabric8.kubernetes.api.model.EnvVar> env) {
        return new BuildStrategyBuilder()
                .withType("Docker")
                .withNewDockerStrategy()
                .withNewFrom()
                .withKind("ImageStreamTag")
                .withName(runtimeTag())
                .endFrom()
                .withEnv(env)
                .endDockerStrategy()
                .build();
    }

    /** The builder tag's image in place of the first FROM, which names the builder's pull spec. */
    List<ImageSource> imageSources() {
        return List.of(new ImageSourceBuilder()
                .withNewFrom()
                .withKind("ImageStreamTag")
                .withName(StreamTag.BUILDER.of(app))
                .endFrom()
                .withAs(assemble.image())
                .build());
    }

    /**
     * With a separate run-time image, the empty ImageChange trigger follows the strategy's from (the run-time tag),
     * so a new builder image needs its own trigger.
     */
    List<BuildTriggerPolicy> builderTrigger() {
        if (!separateRuntime) {
            return List.of();
        }
        return List.of(new BuildTriggerPolicyBuilder()
                .withType("ImageChange")
                .withNewImageChange()
                .withNewFrom()
                .withKind("ImageStreamTag")
                .withName(StreamTag.BUILDER.of(app))
                .endFrom()
                .endImageChange()
                .build());
    }

    /**
     * The Dockerfile: a deterministic function of the two stages. Package installs run as root with {@code -y} and
     * clean the package cache in the same RUN; package names are validated and single-quoted, and nothing else from
     * the spec is written here (the env reaches the build through the strategy).
     */
    public String dockerfile() {
        StringBuilder d = new StringBuilder();
        d.append("# Generated by pythonapp-operator from the PythonApp's spec.\n");
        d.append("# The builder's S2I assemble does the Python work: the sclorg build variables and APP_* apply.\n");
        d.append("FROM ")
                .append(assemble.image())
                .append(" AS ")
                .append(ASSEMBLE_STAGE)
                .append('\n');
        d.append("USER 0\n");
        install(d, assemble);
        d.append("COPY --chown=1001:0 . /tmp/src\n");
        d.append("RUN /usr/bin/fix-permissions /tmp/src\n");
        d.append("USER 1001\n");
        d.append("RUN /usr/libexec/s2i/assemble\n");
        d.append('\n');
        d.append("# Only /opt/app-root (virtualenv and sources) goes into the run-time image, no build packages.\n");
        d.append("FROM ").append(run.image()).append('\n');
        if (!run.packages().isEmpty()) {
            d.append("USER 0\n");
            install(d, run);
        }
        d.append("COPY --from=").append(ASSEMBLE_STAGE).append(" --chown=1001:0 /opt/app-root /opt/app-root\n");
        d.append("USER 1001\n");
        d.append("# The images' default command is usage (it prints help): run the app with the S2I run script.\n");
        d.append("CMD [\"/usr/libexec/s2i/run\"]\n");
        return d.toString();
    }

    private static void install(StringBuilder d, Stage stage) {
        if (stage.packages().isEmpty()) {
            return;
        }
        String manager = stage.packageManager();
        d.append("RUN ")
                .append(manager)
                .append(" install -y ")
                .append(stage.packages().stream().map(p -> "'" + p + "'").collect(Collectors.joining(" ")))
                .append(" && ")
                .append(manager)
                .append(" clean all\n");
    }
}

package dev.pythonapp.operator.render;

import static dev.pythonapp.operator.testing.Fixtures.CATALOG_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pythonapp.operator.api.BuilderSpec;
import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.scan.ImageAssessor;
import dev.pythonapp.operator.scan.dockerfile.DockerfileScanner;
import dev.pythonapp.operator.testing.Fixtures;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.BuildConfigSpec;
import io.fabric8.openshift.api.model.BuildTriggerPolicy;
import io.fabric8.openshift.api.model.TagReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The generated BuildConfigs and Dockerfiles, pinned as golden files in src/test/resources/golden. The plain S2I
 * BuildConfig's golden file was rendered by the code before the two-stage build existed and is never regenerated:
 * an app without spec.runtime and spec.build.packages must get exactly that BuildConfig. The two-stage ones are
 * rewritten with {@code -Dupdate.golden=true} (then read the diff).
 */
class TwoStageBuildTest {
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    private static RenderInput input(PythonApp app) {
        return new RenderInput(app, Fixtures.decide(app.getSpec(), CATALOG_DAY), Optional.empty());
    }

    /** django-ex on the full ubi9 builder, assembled there and run on ubi9/python-312-minimal with httpd. */
    static RenderInput fullBuilderMinimalRuntime() {
        return input(Fixtures.djangoEx()
                .runtimeVariant(BuilderSpec.Variant.MINIMAL)
                .runtimePackages("httpd")
                .build());
    }

    /** django-ex on the minimal ubi9 builder with gcc and the Python headers to compile its requirements. */
    static RenderInput minimalBuilderBuildPackages() {
        return input(Fixtures.djangoEx()
                .variant(BuilderSpec.Variant.MINIMAL)
                .buildPackages("gcc", "python3.12-devel")
                .build());
    }

    static void assertGolden(String file, String actual, boolean regenerable) throws IOException {
        Path path = GOLDEN.resolve(file);
        if (regenerable && Boolean.getBoolean("update.golden")) {
            Files.writeString(path, actual);
        }
        assertThat(path).as("golden file; regenerate with -Dupdate.golden=true").exists();
        assertThat(actual).as(file).isEqualTo(Files.readString(path));
    }

    @Nested
    class GoldenFiles {
        @Test
        void fullBuilderOnlyIsThePlainS2iBuildConfigAsBefore() throws IOException {
            BuildConfig bc =
                    ChildResources.buildConfig(input(Fixtures.djangoEx().build()));
            assertGolden("s2i-full-builder.buildconfig.yaml", Serialization.asYaml(bc), false);
        }

        @Test
        void minimalBuilderWithBuildPackages() throws IOException {
            assertGoldenDockerfileAndBuildConfig("minimal-builder-build-packages", minimalBuilderBuildPackages());
        }

        @Test
        void fullBuilderWithMinimalRuntimeAndARunTimePackage() throws IOException {
            assertGoldenDockerfileAndBuildConfig("full-builder-minimal-runtime", fullBuilderMinimalRuntime());
        }

        private void assertGoldenDockerfileAndBuildConfig(String name, RenderInput in) throws IOException {
            assertGolden(
                    name + ".Dockerfile", TwoStageBuild.of(in).orElseThrow().dockerfile(), true);
            assertGolden(name + ".buildconfig.yaml", Serialization.asYaml(ChildResources.buildConfig(in)), true);
        }
    }

    @Nested
    class Dockerfile {
        @Test
        void buildPackagesExistOnlyInTheAssembleStage() {
            String dockerfile = TwoStageBuild.of(minimalBuilderBuildPackages())
                    .orElseThrow()
                    .dockerfile();
            String runStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
            assertThat(dockerfile).contains("RUN microdnf install -y 'gcc' 'python3.12-devel' && microdnf clean all");
            assertThat(runStage)
                    .startsWith("\nFROM registry.access.redhat.com/ubi9/python-312-minimal:latest\n")
                    .doesNotContain("gcc", "devel", "install", "USER 0");
        }

        @Test
        void theFullImagesInstallWithDnfTheMinimalOnesWithMicrodnf() {
            assertThat(TwoStageBuild.of(input(Fixtures.djangoEx()
                                    .buildPackages("libpq-devel")
                                    .runtimeVariant(BuilderSpec.Variant.MINIMAL)
                                    .runtimePackages("libpq")
                                    .build()))
                            .orElseThrow()
                            .dockerfile())
                    .contains("RUN dnf install -y 'libpq-devel' && dnf clean all\n")
                    .contains("RUN microdnf install -y 'libpq' && microdnf clean all\n");
        }

        @Test
        void endsAsUser1001RunningTheS2iRunScript() {
            for (RenderInput in : List.of(fullBuilderMinimalRuntime(), minimalBuilderBuildPackages())) {
                List<String> lines =
                        TwoStageBuild.of(in).orElseThrow().dockerfile().lines().toList();
                assertThat(lines.get(lines.size() - 1)).isEqualTo("CMD [\"/usr/libexec/s2i/run\"]");
                assertThat(lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b))
                        .contains("USER 1001");
                assertThat(lines)
                        .contains("COPY --from=assemble --chown=1001:0 /opt/app-root /opt/app-root")
                        .contains("COPY --chown=1001:0 . /tmp/src")
                        .contains("RUN /usr/libexec/s2i/assemble");
            }
        }

        @Test
        void theRepositoryScannerFindsNothingToFix() {
            ImageAssessor assessor = new ImageAssessor(Fixtures.lifecycle(), CATALOG_DAY);
            for (RenderInput in : List.of(fullBuilderMinimalRuntime(), minimalBuilderBuildPackages())) {
                assertThat(DockerfileScanner.warnings(
                                TwoStageBuild.of(in).orElseThrow().dockerfile(), assessor))
                        .as("scanner findings (dnf -y, cache cleaned, last USER, exec-form CMD, images)")
                        .isEmpty();
            }
        }

        @Test
        void isAFunctionOfTheSpec() {
            assertThat(TwoStageBuild.of(fullBuilderMinimalRuntime())
                            .orElseThrow()
                            .dockerfile())
                    .isEqualTo(TwoStageBuild.of(fullBuilderMinimalRuntime())
                            .orElseThrow()
                            .dockerfile());
        }

        @Test
        void refusesAnythingButPackageNames() {
            for (String bad : List.of("gcc; rm -rf /", "gcc\nRUN curl evil", "'gcc'", "--nogpgcheck", "$(id)", "")) {
                RenderInput in = input(Fixtures.djangoEx().buildPackages(bad).build());
                assertThatThrownBy(() -> TwoStageBuild.of(in))
                        .as(bad)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("not a package name");
            }
        }
    }

    @Test
    void theExampleBuildsOnTheFullImageAndRunsOnTheMinimalOneWithHttpd() throws IOException {
        PythonApp example =
                Serialization.unmarshal(Files.readString(Path.of("examples", "minimal-runtime.yaml")), PythonApp.class);
        example.getMetadata().setNamespace("demo");
        String dockerfile = TwoStageBuild.of(input(example)).orElseThrow().dockerfile();
        assertThat(dockerfile)
                .contains("FROM registry.access.redhat.com/ubi9/python-312:latest AS assemble\n")
                .contains("FROM registry.access.redhat.com/ubi9/python-312-minimal:latest\n")
                .contains("RUN microdnf install -y 'httpd' && microdnf clean all\n");
        assertThat(ChildResources.buildConfig(input(example))
                        .getSpec()
                        .getSource()
                        .getContextDir())
                .isEqualTo("examples/mod-wsgi-test-app");
    }

    @Nested
    class BuildConfigAndImageStream {
        @Test
        void dockerStrategyFromTheRuntimeTagAndTheBuilderTagAsImageSource() {
            BuildConfigSpec spec =
                    ChildResources.buildConfig(fullBuilderMinimalRuntime()).getSpec();
            assertThat(spec.getStrategy().getType()).isEqualTo("Docker");
            assertThat(spec.getStrategy().getSourceStrategy()).isNull();
            assertThat(spec.getStrategy().getDockerStrategy().getFrom().getName())
                    .isEqualTo("django-ex:runtime");
            assertThat(spec.getSource().getImages()).singleElement().satisfies(source -> {
                assertThat(source.getFrom().getKind()).isEqualTo("ImageStreamTag");
                assertThat(source.getFrom().getName()).isEqualTo("django-ex:builder");
                // the first FROM of the Dockerfile names this image: OpenShift replaces it with the tag's image
                assertThat(source.getAs()).containsExactly("registry.access.redhat.com/ubi9/python-312:latest");
            });
            assertThat(spec.getSource().getDockerfile())
                    .contains("FROM registry.access.redhat.com/ubi9/python-312:latest AS assemble\n");
        }

        @Test
        void triggersOnTheBuilderAndTheRuntimeImage() {
            List<BuildTriggerPolicy> triggers = ChildResources.buildConfig(fullBuilderMinimalRuntime())
                    .getSpec()
                    .getTriggers();
            assertThat(triggers)
                    .extracting(BuildTriggerPolicy::getType)
                    .containsExactly("ConfigChange", "ImageChange", "ImageChange");
            // empty from: the strategy's from, the runtime tag
            assertThat(triggers.get(1).getImageChange().getFrom()).isNull();
            assertThat(triggers.get(2).getImageChange().getFrom().getName()).isEqualTo("django-ex:builder");
        }

        @Test
        void withoutARuntimeTheLastStageIsTheBuilderAndOneImageTriggerCoversIt() {
            BuildConfigSpec spec =
                    ChildResources.buildConfig(minimalBuilderBuildPackages()).getSpec();
            assertThat(spec.getStrategy().getDockerStrategy().getFrom().getName())
                    .isEqualTo("django-ex:builder");
            assertThat(spec.getTriggers())
                    .extracting(BuildTriggerPolicy::getType)
                    .containsExactly("ConfigChange", "ImageChange");
            assertThat(ChildResources.imageStream(minimalBuilderBuildPackages())
                            .getSpec()
                            .getTags())
                    .extracting(TagReference::getName)
                    .containsExactly("builder");
        }

        @Test
        void theImageStreamTracksTheRuntimeImageToo() {
            List<TagReference> tags = ChildResources.imageStream(fullBuilderMinimalRuntime())
                    .getSpec()
                    .getTags();
            assertThat(tags).extracting(TagReference::getName).containsExactly("builder", "runtime");
            TagReference runtime = tags.get(1);
            assertThat(runtime.getFrom().getKind()).isEqualTo("DockerImage");
            assertThat(runtime.getFrom().getName())
                    .isEqualTo("registry.access.redhat.com/ubi9/python-312-minimal:latest");
            assertThat(runtime.getImportPolicy().getScheduled()).isTrue();
            assertThat(runtime.getReferencePolicy().getType()).isEqualTo("Source");
        }

        @Test
        void theBuildEnvGoesToTheStrategyNotTheDockerfile() {
            BuildConfigSpec spec =
                    ChildResources.buildConfig(fullBuilderMinimalRuntime()).getSpec();
            assertThat(spec.getStrategy().getDockerStrategy().getEnv())
                    .extracting(e -> e.getName() + "=" + e.getValue())
                    .containsExactly("APP_MODULE=wsgi:application", "PIP_INDEX_URL=https://pypi.example.com/simple");
            assertThat(spec.getSource().getDockerfile()).doesNotContain("pypi.example.com", "wsgi:application");
        }
    }
}

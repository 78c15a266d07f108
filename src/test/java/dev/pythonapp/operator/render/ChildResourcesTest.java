package dev.pythonapp.operator.render;

import static dev.pythonapp.operator.testing.Fixtures.CATALOG_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pythonapp.operator.api.BuilderSpec;
import dev.pythonapp.operator.api.EolPolicy;
import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.eol.BuilderDecision.Action;
import dev.pythonapp.operator.testing.Fixtures;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.BuildConfigSpec;
import io.fabric8.openshift.api.model.BuildTriggerPolicy;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.Route;
import io.fabric8.openshift.api.model.TagReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChildResourcesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RenderInput input(PythonApp app) {
        return input(app, Optional.empty());
    }

    private static RenderInput input(PythonApp app, Optional<String> currentImage) {
        return new RenderInput(app, Fixtures.decide(app.getSpec(), CATALOG_DAY), currentImage);
    }

    private static RenderInput djangoEx() {
        return input(Fixtures.djangoEx().build());
    }

    /** Python 3.8 on ubi8: end of life on the catalog day, so the policy decides what is built. */
    private static Fixtures.AppBuilder python38OnUbi8() {
        return Fixtures.app("legacy").namespace("demo").pythonVersion("3.8").os(BuilderSpec.Os.UBI8);
    }

    private static String builderTagSource(RenderInput in) {
        return ChildResources.imageStream(in)
                .getSpec()
                .getTags()
                .get(0)
                .getFrom()
                .getName();
    }

    private static Map<String, String> envMap(List<EnvVar> env) {
        Map<String, String> map = new LinkedHashMap<>();
        env.forEach(e -> map.put(e.getName(), e.getValue()));
        return map;
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Map<String, String> annotations(HasMetadata object) {
        return Optional.ofNullable(object.getMetadata().getAnnotations()).orElse(Map.of());
    }

    @Nested
    class CommonMetadata {
        @Test
        void everyChildIsNamedAfterTheAppInItsNamespace() {
            RenderInput in = djangoEx();
            for (var child : List.of(
                    ChildResources.imageStream(in),
                    ChildResources.buildConfig(in),
                    ChildResources.deployment(in),
                    ChildResources.service(in),
                    ChildResources.route(in))) {
                assertThat(child.getMetadata().getName()).as(child.getKind()).isEqualTo("django-ex");
                assertThat(child.getMetadata().getNamespace())
                        .as(child.getKind())
                        .isEqualTo("demo");
            }
        }

        @Test
        void labelsMarkTheOperatorAndRuntimeButNotTheArgoCdInstance() {
            RenderInput in = djangoEx();
            assertThat(in.app().getMetadata().getLabels()).containsKey("app.kubernetes.io/instance");
            Map<String, String> expected = Map.of(
                    "app.kubernetes.io/name", "django-ex",
                    "app.kubernetes.io/component", "python-app",
                    "app.kubernetes.io/managed-by", "pythonapp-operator",
                    "app.openshift.io/runtime", "python",
                    "app.openshift.io/runtime-version", "3.12",
                    "pythonapp.dev/app", "django-ex");
            for (var child : List.of(
                    ChildResources.imageStream(in),
                    ChildResources.buildConfig(in),
                    ChildResources.deployment(in),
                    ChildResources.service(in),
                    ChildResources.route(in),
                    ChildResources.gunicornConfig(in))) {
                assertThat(child.getMetadata().getLabels()).as(child.getKind()).isEqualTo(expected);
            }
            assertThat(ChildResources.deployment(in)
                            .getSpec()
                            .getTemplate()
                            .getMetadata()
                            .getLabels())
                    .isEqualTo(expected);
        }

        @Test
        void theRuntimeVersionLabelIsThatOfTheEffectiveBuilder() {
            RenderInput in = input(python38OnUbi8().build());
            assertThat(in.builder().action()).isEqualTo(Action.BUILD_SUCCESSOR);
            assertThat(ChildResources.deployment(in).getMetadata().getLabels())
                    .containsEntry("app.openshift.io/runtime-version", "3.12");
        }

        @Test
        void renderingTwiceGivesEqualObjects() {
            RenderInput first = djangoEx();
            RenderInput second = djangoEx();
            assertThat(ChildResources.imageStream(first)).isEqualTo(ChildResources.imageStream(second));
            assertThat(ChildResources.buildConfig(first)).isEqualTo(ChildResources.buildConfig(second));
            assertThat(ChildResources.deployment(first)).isEqualTo(ChildResources.deployment(second));
            assertThat(ChildResources.service(first)).isEqualTo(ChildResources.service(second));
            assertThat(ChildResources.route(first)).isEqualTo(ChildResources.route(second));
            assertThat(ChildResources.gunicornConfig(first)).isEqualTo(ChildResources.gunicornConfig(second));
            RenderInput hot = input(Fixtures.djangoEx().hotDeploy(true).build());
            assertThat(ChildResources.deployment(hot)).isEqualTo(ChildResources.deployment(hot));
        }
    }

    @Nested
    class ImageStreamChild {
        @Test
        void tracksTheBuilderImageWithAScheduledImport() {
            ImageStream is = ChildResources.imageStream(djangoEx());
            assertThat(is.getSpec().getLookupPolicy().getLocal()).isFalse();
            assertThat(is.getSpec().getTags()).hasSize(1);
            TagReference tag = is.getSpec().getTags().get(0);
            assertThat(tag.getName()).isEqualTo("builder");
            assertThat(tag.getFrom().getKind()).isEqualTo("DockerImage");
            assertThat(tag.getFrom().getName()).isEqualTo("registry.access.redhat.com/ubi9/python-312:latest");
            assertThat(tag.getImportPolicy().getScheduled()).isTrue();
            assertThat(tag.getReferencePolicy().getType()).isEqualTo("Source");
        }

        @Test
        void aRewrittenBuilderIsTheSuccessor() {
            RenderInput in = input(python38OnUbi8().build());
            assertThat(builderTagSource(in)).isEqualTo("registry.access.redhat.com/ubi8/python-312:latest");
        }
    }

    @Nested
    class BuildConfigChild {
        @Test
        void s2iSourceStrategyFromTheBuilderTag() {
            BuildConfigSpec spec = ChildResources.buildConfig(djangoEx()).getSpec();
            assertThat(spec.getStrategy().getType()).isEqualTo("Source");
            assertThat(spec.getStrategy().getSourceStrategy().getFrom().getKind())
                    .isEqualTo("ImageStreamTag");
            assertThat(spec.getStrategy().getSourceStrategy().getFrom().getName())
                    .isEqualTo("django-ex:builder");
            assertThat(spec.getOutput().getTo().getKind()).isEqualTo("ImageStreamTag");
            assertThat(spec.getOutput().getTo().getName()).isEqualTo("django-ex:latest");
            assertThat(spec.getRunPolicy()).isEqualTo("Serial");
        }

        @Test
        void buildEnvHasTheAppVariablesAndBuildEnvButNoRunEnv() {
            List<EnvVar> env = ChildResources.buildConfig(djangoEx())
                    .getSpec()
                    .getStrategy()
                    .getSourceStrategy()
                    .getEnv();
            assertThat(envMap(env))
                    .containsExactly(
                            entry("APP_MODULE", "wsgi:application"),
                            entry("PIP_INDEX_URL", "https://pypi.example.com/simple"));
        }

        @Test
        void gitSource() {
            BuildConfigSpec spec = ChildResources.buildConfig(djangoEx()).getSpec();
            assertThat(spec.getSource().getType()).isEqualTo("Git");
            assertThat(spec.getSource().getGit().getUri()).isEqualTo("https://github.com/sclorg/django-ex.git");
            assertThat(spec.getSource().getGit().getRef()).isEqualTo("main");
            assertThat(spec.getSource().getContextDir()).isEqualTo("site");
            assertThat(spec.getSource().getSourceSecret().getName()).isEqualTo("git-creds");
        }

        @Test
        void withoutOptionalSourceFields() {
            BuildConfigSpec spec = ChildResources.buildConfig(
                            input(Fixtures.app("plain").namespace("demo").build()))
                    .getSpec();
            assertThat(spec.getSource().getGit().getRef()).isNull();
            assertThat(spec.getSource().getContextDir()).isNull();
            assertThat(spec.getSource().getSourceSecret()).isNull();
            assertThat(spec.getStrategy().getSourceStrategy().getEnv()).isEmpty();
        }

        @Test
        void configChangeAndImageChangeTriggers() {
            List<BuildTriggerPolicy> triggers =
                    ChildResources.buildConfig(djangoEx()).getSpec().getTriggers();
            assertThat(triggers).extracting(BuildTriggerPolicy::getType).containsExactly("ConfigChange", "ImageChange");
            // an empty imageChange means: the image of the strategy's from
            assertThat(triggers.get(1).getImageChange()).isNotNull();
            assertThat(triggers.get(1).getImageChange().getFrom()).isNull();
        }

        @Test
        void webhookTriggersOnlyWithAWebhookSecret() {
            List<BuildTriggerPolicy> triggers = ChildResources.buildConfig(input(
                            Fixtures.djangoEx().webhookSecret("push-secret").build()))
                    .getSpec()
                    .getTriggers();
            assertThat(triggers)
                    .extracting(BuildTriggerPolicy::getType)
                    .containsExactly("ConfigChange", "ImageChange", "GitHub", "GitLab", "Generic");
            assertThat(List.of(
                            triggers.get(2).getGithub(),
                            triggers.get(3).getGitlab(),
                            triggers.get(4).getGeneric()))
                    .allSatisfy(
                            w -> assertThat(w.getSecretReference().getName()).isEqualTo("push-secret"));
        }

        @Test
        void notPausedUnlessTheDecisionSaysSo() {
            assertThat(annotations(ChildResources.buildConfig(djangoEx())))
                    .doesNotContainKey("openshift.io/build-config.paused");
            RenderInput warned =
                    input(python38OnUbi8().eolPolicy(EolPolicy.Warn).build());
            assertThat(annotations(ChildResources.buildConfig(warned)))
                    .doesNotContainKey("openshift.io/build-config.paused");
        }

        @Test
        void pausedUnderBlock() {
            RenderInput blocked =
                    input(python38OnUbi8().eolPolicy(EolPolicy.Block).build());
            assertThat(blocked.builder().action()).isEqualTo(Action.PAUSE);
            BuildConfig bc = ChildResources.buildConfig(blocked);
            assertThat(bc.getMetadata().getAnnotations())
                    .containsExactly(entry("openshift.io/build-config.paused", "true"));
            // still the requested (end-of-life) builder
            assertThat(builderTagSource(blocked)).isEqualTo("registry.access.redhat.com/ubi8/python-38:latest");
        }
    }

    @Nested
    class DeploymentChild {
        @Test
        void imageTriggerAnnotationPointsAtTheOutputTag() throws Exception {
            Deployment d = ChildResources.deployment(djangoEx());
            JsonNode triggers = JSON.readTree(d.getMetadata().getAnnotations().get("image.openshift.io/triggers"));
            assertThat(triggers.isArray()).isTrue();
            assertThat(triggers).hasSize(1);
            JsonNode trigger = triggers.get(0);
            assertThat(trigger.at("/from/kind").asText()).isEqualTo("ImageStreamTag");
            assertThat(trigger.at("/from/name").asText()).isEqualTo("django-ex:latest");
            assertThat(trigger.get("fieldPath").asText())
                    .isEqualTo("spec.template.spec.containers[?(@.name==\"app\")].image");
            assertThat(trigger.has("paused")).isFalse();
        }

        @Test
        void vcsAnnotations() {
            assertThat(ChildResources.deployment(djangoEx()).getMetadata().getAnnotations())
                    .containsEntry("app.openshift.io/vcs-uri", "https://github.com/sclorg/django-ex.git")
                    .containsEntry("app.openshift.io/vcs-ref", "main");
            assertThat(ChildResources.deployment(input(Fixtures.app("plain").build()))
                            .getMetadata()
                            .getAnnotations())
                    .doesNotContainKey("app.openshift.io/vcs-ref");
        }

        @Test
        void containerEnvHasTheAppVariablesThenRunEnvButNoBuildEnv() {
            assertThat(envMap(container(ChildResources.deployment(djangoEx())).getEnv()))
                    .containsExactly(
                            entry("APP_MODULE", "wsgi:application"),
                            entry("DJANGO_SETTINGS_MODULE", "project.settings"));
        }

        @Test
        void containerPortAndProbes() {
            Container c = container(ChildResources.deployment(djangoEx()));
            assertThat(c.getName()).isEqualTo("app");
            assertThat(c.getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getName()).isEqualTo("http");
                assertThat(p.getContainerPort()).isEqualTo(8080);
                assertThat(p.getProtocol()).isEqualTo("TCP");
            });
            Probe readiness = c.getReadinessProbe();
            assertThat(readiness.getTcpSocket().getPort()).isEqualTo(new IntOrString("http"));
            assertThat(readiness.getInitialDelaySeconds()).isEqualTo(5);
            assertThat(readiness.getPeriodSeconds()).isEqualTo(10);
            assertThat(readiness.getHttpGet()).isNull();
            Probe liveness = c.getLivenessProbe();
            assertThat(liveness.getTcpSocket().getPort()).isEqualTo(new IntOrString("http"));
            assertThat(liveness.getInitialDelaySeconds()).isEqualTo(30);
            assertThat(liveness.getPeriodSeconds()).isEqualTo(20);
        }

        @Test
        void restrictedSecurityContext() {
            Deployment d = ChildResources.deployment(djangoEx());
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getSecurityContext().getRunAsUser()).isNull();
            var sc = container(d).getSecurityContext();
            assertThat(sc.getRunAsNonRoot()).isTrue();
            assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
            assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(sc.getCapabilities().getAdd()).isEmpty();
            assertThat(sc.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(sc.getPrivileged()).isNull();
        }

        @Test
        void selectorIsTheStableAppLabel() {
            Deployment d = ChildResources.deployment(djangoEx());
            assertThat(d.getSpec().getSelector().getMatchLabels())
                    .containsExactly(entry("pythonapp.dev/app", "django-ex"));
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                    .containsEntry("pythonapp.dev/app", "django-ex");
        }

        @Test
        void replicasAreLeftUnsetUnlessTheSpecSetsThem() {
            assertThat(ChildResources.deployment(djangoEx()).getSpec().getReplicas())
                    .isNull();
            assertThat(ChildResources.deployment(
                                    input(Fixtures.djangoEx().replicas(3).build()))
                            .getSpec()
                            .getReplicas())
                    .isEqualTo(3);
            assertThat(ChildResources.deployment(
                                    input(Fixtures.djangoEx().replicas(0).build()))
                            .getSpec()
                            .getReplicas())
                    .isZero();
        }

        @Test
        void imageDefaultsToTheInternalRegistryOutputTag() {
            assertThat(container(ChildResources.deployment(djangoEx())).getImage())
                    .isEqualTo("image-registry.openshift-image-registry.svc:5000/demo/django-ex:latest");
        }

        @Test
        void keepsTheImageTheDeploymentRunsNow() {
            String current = "image-registry.openshift-image-registry.svc:5000/demo/django-ex@sha256:"
                    + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
            RenderInput in = input(Fixtures.djangoEx().build(), Optional.of(current));
            assertThat(container(ChildResources.deployment(in)).getImage()).isEqualTo(current);
        }

        @Test
        void noVolumesWithoutHotDeploy() {
            Deployment d = ChildResources.deployment(djangoEx());
            assertThat(d.getSpec().getTemplate().getSpec().getVolumes()).isEmpty();
            assertThat(container(d).getVolumeMounts()).isEmpty();
        }
    }

    @Nested
    class ServiceChild {
        @Test
        void clusterIpOnPort8080SelectingThePods() {
            Service svc = ChildResources.service(djangoEx());
            assertThat(svc.getSpec().getType()).isEqualTo("ClusterIP");
            assertThat(svc.getSpec().getSelector()).containsExactly(entry("pythonapp.dev/app", "django-ex"));
            assertThat(svc.getSpec().getPorts()).singleElement().satisfies((ServicePort p) -> {
                assertThat(p.getName()).isEqualTo("http");
                assertThat(p.getPort()).isEqualTo(8080);
                assertThat(p.getTargetPort()).isEqualTo(new IntOrString(8080));
                assertThat(p.getProtocol()).isEqualTo("TCP");
            });
        }
    }

    @Nested
    class RouteChild {
        @Test
        void edgeTlsWithRedirectByDefault() {
            Route route = ChildResources.route(djangoEx());
            assertThat(route.getSpec().getTo().getKind()).isEqualTo("Service");
            assertThat(route.getSpec().getTo().getName()).isEqualTo("django-ex");
            assertThat(route.getSpec().getPort().getTargetPort()).isEqualTo(new IntOrString("http"));
            assertThat(route.getSpec().getTls().getTermination()).isEqualTo("edge");
            assertThat(route.getSpec().getTls().getInsecureEdgeTerminationPolicy())
                    .isEqualTo("Redirect");
            assertThat(route.getSpec().getHost()).isNull();
        }

        @Test
        void tlsUnsetInARouteSpecIsStillEdge() {
            Route route = ChildResources.route(
                    input(Fixtures.djangoEx().route(true, null, null).build()));
            assertThat(route.getSpec().getTls().getTermination()).isEqualTo("edge");
        }

        @Test
        void noTlsWhenTurnedOff() {
            Route route = ChildResources.route(
                    input(Fixtures.djangoEx().route(null, null, false).build()));
            assertThat(route.getSpec().getTls()).isNull();
            assertThat(route.getSpec().getTo().getName()).isEqualTo("django-ex");
        }

        @Test
        void theHostIsPassedThrough() {
            Route route = ChildResources.route(input(Fixtures.djangoEx()
                    .route(true, "django.apps.example.com", true)
                    .build()));
            assertThat(route.getSpec().getHost()).isEqualTo("django.apps.example.com");
            assertThat(route.getSpec().getTls().getTermination()).isEqualTo("edge");
        }
    }

    @Nested
    class HotDeploy {
        private final RenderInput hot =
                input(Fixtures.djangoEx().hotDeploy(true).build());

        @Test
        void gunicornConfigMapReloadsAndBindsAllInterfaces() {
            ConfigMap cm = ChildResources.gunicornConfig(hot);
            assertThat(cm.getMetadata().getName()).isEqualTo("django-ex-gunicorn");
            assertThat(cm.getMetadata().getNamespace()).isEqualTo("demo");
            assertThat(cm.getData()).containsOnlyKeys("gunicorn.conf.py");
            assertThat(cm.getData().get("gunicorn.conf.py").lines())
                    .contains("reload = True", "bind = \"0.0.0.0:8080\"", "accesslog = \"-\"");
        }

        @Test
        void deploymentMountsTheConfigAndPointsAppConfigAtIt() {
            Deployment d = ChildResources.deployment(hot);
            Container c = container(d);
            assertThat(c.getVolumeMounts()).singleElement().satisfies(m -> {
                assertThat(m.getName()).isEqualTo("gunicorn-config");
                assertThat(m.getMountPath()).isEqualTo("/opt/app-root/etc/pythonapp");
                assertThat(m.getReadOnly()).isTrue();
            });
            assertThat(d.getSpec().getTemplate().getSpec().getVolumes())
                    .singleElement()
                    .satisfies(v -> {
                        assertThat(v.getName()).isEqualTo("gunicorn-config");
                        assertThat(v.getConfigMap().getName()).isEqualTo("django-ex-gunicorn");
                    });
            assertThat(envMap(c.getEnv()))
                    .containsExactly(
                            entry("APP_MODULE", "wsgi:application"),
                            entry("APP_CONFIG", "/opt/app-root/etc/pythonapp/gunicorn.conf.py"),
                            entry("DJANGO_SETTINGS_MODULE", "project.settings"));
        }

        @Test
        void theBuildDoesNotGetAppConfig() {
            List<EnvVar> env = ChildResources.buildConfig(hot)
                    .getSpec()
                    .getStrategy()
                    .getSourceStrategy()
                    .getEnv();
            assertThat(env).extracting(EnvVar::getName).containsExactly("APP_MODULE", "PIP_INDEX_URL");
        }
    }
}

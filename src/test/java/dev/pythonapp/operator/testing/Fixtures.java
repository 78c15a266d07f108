package dev.pythonapp.operator.testing;

import dev.pythonapp.operator.api.BuildSpec;
import dev.pythonapp.operator.api.BuilderSpec;
import dev.pythonapp.operator.api.EnvVarSpec;
import dev.pythonapp.operator.api.EolPolicy;
import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.api.PythonAppSpec;
import dev.pythonapp.operator.api.RouteSpec;
import dev.pythonapp.operator.api.RunSpec;
import dev.pythonapp.operator.api.RuntimeSpec;
import dev.pythonapp.operator.api.SourceSpec;
import dev.pythonapp.operator.catalog.BuilderCatalog;
import dev.pythonapp.operator.catalog.BuilderImage;
import dev.pythonapp.operator.catalog.CatalogLoader;
import dev.pythonapp.operator.eol.BuilderDecision;
import dev.pythonapp.operator.eol.BuilderPolicy;
import dev.pythonapp.operator.eol.EolBasis;
import dev.pythonapp.operator.eol.Lifecycle;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.BuildConfigBuilder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fixtures for the pure unit tests (no cluster, no Quarkus): the built-in catalog, a fixed day, lifecycle and policy
 * objects, and a small builder for {@link PythonApp}s.
 */
public final class Fixtures {
    /** The day the built-in catalog was compiled; the default "today" of the unit tests. */
    public static final LocalDate CATALOG_DAY = LocalDate.of(2026, 11, 23);

    public static final int WARN_DAYS = 90;

    private static final BuilderCatalog CATALOG = CatalogLoader.builtIn();

    private Fixtures() {}

    /** The built-in catalog (loaded once; the catalog is immutable). */
    public static BuilderCatalog catalog() {
        return CATALOG;
    }

    public static BuilderImage image(String name) {
        return CATALOG.byName(name).orElseThrow(() -> new AssertionError("catalog has no image " + name));
    }

    public static Lifecycle lifecycle(EolBasis basis) {
        return new Lifecycle(CATALOG, basis, WARN_DAYS);
    }

    public static Lifecycle lifecycle() {
        return lifecycle(EolBasis.VENDOR);
    }

    /** Vendor basis, 90 days warn-ahead, the given default policy. */
    public static BuilderPolicy policy(EolPolicy defaultPolicy) {
        return new BuilderPolicy(lifecycle(), defaultPolicy);
    }

    /** The decision under vendor basis and default policy Rewrite; fails the test when the spec cannot be resolved. */
    public static BuilderDecision decide(PythonAppSpec spec, LocalDate today) {
        return decide(policy(EolPolicy.Rewrite), spec, today);
    }

    public static BuilderDecision decide(BuilderPolicy policy, PythonAppSpec spec, LocalDate today) {
        BuilderPolicy.Outcome outcome = policy.decide(spec, today);
        if (outcome instanceof BuilderPolicy.Outcome.Decided d) {
            return d.decision();
        }
        throw new AssertionError("expected a decision, got " + outcome);
    }

    /**
     * A Docker-strategy BuildConfig {@code worker} in namespace {@code shop}: {@code dockerStrategy.from} of
     * {@code kind} (none when {@code from} is null) and an inline Dockerfile (none when null).
     */
    public static BuildConfig dockerBuild(String kind, String from, String dockerfile) {
        return new BuildConfigBuilder()
                .withNewMetadata()
                .withName("worker")
                .withNamespace("shop")
                .withResourceVersion("7")
                .endMetadata()
                .withNewSpec()
                .withNewSource()
                .withDockerfile(dockerfile)
                .endSource()
                .withNewStrategy()
                .withType("Docker")
                .withNewDockerStrategy()
                .withFrom(
                        from == null
                                ? null
                                : new ObjectReferenceBuilder()
                                        .withKind(kind)
                                        .withName(from)
                                        .build())
                .endDockerStrategy()
                .endStrategy()
                .endSpec()
                .build();
    }

    /** {@link #dockerBuild(String, String, String)} with a DockerImage {@code from}. */
    public static BuildConfig dockerBuild(String from, String dockerfile) {
        return dockerBuild("DockerImage", from, dockerfile);
    }

    public static AppBuilder app(String name) {
        return new AppBuilder(name);
    }

    /**
     * The sample app of the render tests: django-ex in namespace demo, Python 3.12, gunicorn wsgi:application, a run
     * env variable and a build-time PIP_INDEX_URL. It carries an Argo CD instance label that must not reach children.
     */
    public static AppBuilder djangoEx() {
        return app("django-ex")
                .namespace("demo")
                .label("app.kubernetes.io/instance", "argocd-django")
                .git("https://github.com/sclorg/django-ex.git", "main")
                .contextDir("site")
                .secretRef("git-creds")
                .pythonVersion("3.12")
                .appModule("wsgi:application")
                .runEnv("DJANGO_SETTINGS_MODULE", "project.settings")
                .buildEnv("PIP_INDEX_URL", "https://pypi.example.com/simple");
    }

    /** Fluent builder of a PythonApp with public-field specs. */
    public static final class AppBuilder {
        private final String name;
        private String namespace = "default";
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final PythonAppSpec spec = new PythonAppSpec();

        private AppBuilder(String name) {
            this.name = name;
            spec.pythonVersion = "3.12";
            spec.source = new SourceSpec();
            spec.source.git = new SourceSpec.GitSource();
            spec.source.git.uri = "https://github.com/sclorg/django-ex.git";
        }

        public AppBuilder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        public AppBuilder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        public AppBuilder git(String uri, String ref) {
            spec.source.git.uri = uri;
            spec.source.git.ref = ref;
            return this;
        }

        public AppBuilder contextDir(String contextDir) {
            spec.source.contextDir = contextDir;
            return this;
        }

        public AppBuilder secretRef(String secretName) {
            spec.source.secretRef = new SourceSpec.SecretReference();
            spec.source.secretRef.name = secretName;
            return this;
        }

        public AppBuilder pythonVersion(String version) {
            spec.pythonVersion = version;
            return this;
        }

        public AppBuilder os(BuilderSpec.Os os) {
            builder().os = os;
            return this;
        }

        public AppBuilder variant(BuilderSpec.Variant variant) {
            builder().variant = variant;
            return this;
        }

        public AppBuilder builderImage(String image) {
            builder().image = image;
            return this;
        }

        public AppBuilder eolPolicy(EolPolicy policy) {
            spec.eolPolicy = policy;
            return this;
        }

        public AppBuilder replicas(Integer replicas) {
            spec.replicas = replicas;
            return this;
        }

        public AppBuilder appModule(String module) {
            run().appModule = module;
            return this;
        }

        public AppBuilder hotDeploy(boolean hotDeploy) {
            run().hotDeploy = hotDeploy;
            return this;
        }

        public AppBuilder runEnv(String envName, String value) {
            run().env = Objects.requireNonNullElseGet(run().env, ArrayList::new);
            run().env.add(new EnvVarSpec(envName, value));
            return this;
        }

        public AppBuilder buildEnv(String envName, String value) {
            buildSection().env = Objects.requireNonNullElseGet(buildSection().env, ArrayList::new);
            buildSection().env.add(new EnvVarSpec(envName, value));
            return this;
        }

        public AppBuilder webhookSecret(String secretName) {
            buildSection().webhookSecretRef = new SourceSpec.SecretReference();
            buildSection().webhookSecretRef.name = secretName;
            return this;
        }

        /** spec.build.packages. */
        public AppBuilder buildPackages(String... packages) {
            buildSection().packages = List.of(packages);
            return this;
        }

        /** spec.runtime with this variant (null: the runtime section without a variant). */
        public AppBuilder runtimeVariant(BuilderSpec.Variant variant) {
            runtime().variant = variant;
            return this;
        }

        public AppBuilder runtimeImage(String image) {
            runtime().image = image;
            return this;
        }

        public AppBuilder runtimePackages(String... packages) {
            runtime().packages = List.of(packages);
            return this;
        }

        public AppBuilder route(Boolean enabled, String host, Boolean tls) {
            spec.route = new RouteSpec();
            spec.route.enabled = enabled;
            spec.route.host = host;
            spec.route.tls = tls;
            return this;
        }

        private BuilderSpec builder() {
            return spec.builder = Objects.requireNonNullElseGet(spec.builder, BuilderSpec::new);
        }

        private RuntimeSpec runtime() {
            return spec.runtime = Objects.requireNonNullElseGet(spec.runtime, RuntimeSpec::new);
        }

        private BuildSpec buildSection() {
            return spec.build = Objects.requireNonNullElseGet(spec.build, BuildSpec::new);
        }

        private RunSpec run() {
            return spec.run = Objects.requireNonNullElseGet(spec.run, RunSpec::new);
        }

        /** The spec alone (for policy tests). */
        public PythonAppSpec spec() {
            return spec;
        }

        public PythonApp build() {
            PythonApp app = new PythonApp();
            app.setMetadata(new ObjectMetaBuilder()
                    .withName(name)
                    .withNamespace(namespace)
                    .withLabels(labels.isEmpty() ? null : Map.copyOf(labels))
                    .withGeneration(1L)
                    .build());
            app.setSpec(spec);
            return app;
        }
    }
}

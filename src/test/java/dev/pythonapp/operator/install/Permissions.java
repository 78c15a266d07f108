package dev.pythonapp.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.install.Grants.Account;
import dev.pythonapp.operator.install.Grants.Grant;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.openshift.api.model.Build;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A ServiceAccount's permissions as the API server decides them: each grant of the rendered install is allowed
 * (SubjectAccessReview), the rules in force are exactly those grants (SelfSubjectRulesReview while impersonating the
 * account, minus what every authenticated account may do), and a few things the operator must never do are denied.
 */
final class Permissions {
    /** A namespace the cluster-wide installs manage without anything bound in it. */
    static final String TEAM_NAMESPACE = "some-team-namespace";

    /** Never granted anywhere, whatever the rules say: a regression here is a security problem. */
    static final List<Grant> NEVER = List.of(
            grant(PythonApp.class, "create"),
            grant(PythonApp.class, "delete"),
            grant(Event.class, "delete"),
            grant(Secret.class, "get"),
            grant(Secret.class, "list"),
            grant(Pod.class, "create"),
            grant(Build.class, "create"));

    private final KubernetesClient admin;

    Permissions(KubernetesClient admin) {
        this.admin = admin;
    }

    boolean allowed(Account sa, String namespace, Grant g) {
        String[] resource = g.resource().split("/", 2);
        var review = new SubjectAccessReviewBuilder()
                .withNewSpec()
                .withUser(sa.user())
                .withGroups(
                        "system:serviceaccounts", "system:serviceaccounts:" + sa.namespace(), "system:authenticated")
                .withNewResourceAttributes()
                .withNamespace(namespace)
                .withVerb(g.verb())
                .withGroup(g.group())
                .withResource(resource[0])
                .withSubresource(resource.length > 1 ? resource[1] : null)
                .endResourceAttributes()
                .endSpec()
                .build();
        return admin.authorization()
                .v1()
                .subjectAccessReview()
                .create(review)
                .getStatus()
                .getAllowed();
    }

    /** The resource rules in force for {@code user} in {@code namespace}, as the API server lists them. */
    Grants rulesInForce(String user, String saNamespace, String namespace) {
        var config = new ConfigBuilder(admin.getConfiguration())
                .withImpersonateUsername(user)
                .withImpersonateGroups("system:serviceaccounts", "system:serviceaccounts:" + saNamespace)
                .build();
        try (KubernetesClient as =
                new KubernetesClientBuilder().withConfig(config).build()) {
            var review = as.authorization()
                    .v1()
                    .selfSubjectRulesReview()
                    .create(new SelfSubjectRulesReviewBuilder()
                            .withNewSpec()
                            .withNamespace(namespace)
                            .endSpec()
                            .build());
            assertThat(review.getStatus().getIncomplete())
                    .as("rules review of %s incomplete", user)
                    .isFalse();
            return new Grants(review.getStatus().getResourceRules().stream()
                    .flatMap(Permissions::expand)
                    .collect(Collectors.toSet()));
        }
    }

    static Stream<Grant> expand(ResourceRule r) {
        List<String> groups = r.getApiGroups() == null ? List.of("") : r.getApiGroups();
        return groups.stream()
                .flatMap(g -> r.getResources().stream()
                        .flatMap(res -> r.getVerbs().stream().map(v -> new Grant(g, res, v))));
    }

    /** In {@code namespace}: exactly {@code expected} is in force, beyond what any unbound account may do. */
    void assertExactly(Account sa, String namespace, Grants expected) {
        for (Grant g : expected.grants()) {
            assertThat(allowed(sa, namespace, g))
                    .as("%s may %s in %s", sa.user(), g, namespace)
                    .isTrue();
        }
        Grants everyone = rulesInForce(new Account(sa.namespace(), "nobody").user(), sa.namespace(), namespace);
        assertThat(rulesInForce(sa.user(), sa.namespace(), namespace).minus(everyone))
                .as("rules in force for %s in %s", sa.user(), namespace)
                .isEqualTo(expected);
        for (Grant g : NEVER) {
            assertThat(allowed(sa, namespace, g))
                    .as("%s may not %s in %s", sa.user(), g, namespace)
                    .isFalse();
        }
        // the buildconfig-eol controller asks whether it may watch namespaces; every authenticated user may ask
        Grant ask = grant(SelfSubjectAccessReview.class, "create");
        assertThat(allowed(sa, namespace, ask)).as("%s may %s", sa.user(), ask).isTrue();
    }

    /** A cluster-wide install: its grants in force in a team namespace and its own, across all namespaces. */
    void assertClusterWide(Manifests m, Account sa) {
        for (String ns : List.of(TEAM_NAMESPACE, sa.namespace())) {
            assertExactly(sa, ns, Grants.in(m, sa, ns));
        }
        for (Grant g : Set.of(grant(PythonApp.class, "list"), grant(Namespace.class, "watch"))) {
            assertThat(allowed(sa, "", g))
                    .as("%s may %s in all namespaces", sa.user(), g)
                    .isTrue();
        }
        for (Grant g : List.of(
                grant(Secret.class, "list"),
                grant(Namespace.class, "update"),
                grant(CustomResourceDefinition.class, "create"))) {
            assertThat(allowed(sa, "", g))
                    .as("%s may not %s in all namespaces", sa.user(), g)
                    .isFalse();
        }
    }

    /** A single-namespace install: its grants in force in its namespace, nothing elsewhere. */
    void assertSingleNamespace(Manifests m, Account sa, String namespace) {
        assertExactly(sa, namespace, Grants.in(m, sa, namespace));
        assertThat(allowed(sa, TEAM_NAMESPACE, grant(PythonApp.class, "list")))
                .as("no PythonApps in other namespaces")
                .isFalse();
        for (Grant g : List.of(grant(PythonApp.class, "list"), grant(Namespace.class, "list"))) {
            assertThat(allowed(sa, "", g))
                    .as("%s may not %s in all namespaces", sa.user(), g)
                    .isFalse();
        }
    }

    static Grant grant(Class<? extends HasMetadata> type, String verb) {
        return RbacIT.grant(type, "", verb);
    }
}

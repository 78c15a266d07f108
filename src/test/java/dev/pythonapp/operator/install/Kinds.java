package dev.pythonapp.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * Kinds of a render as a sorted multiset. Only the cluster-wide kustomize install is listed exactly; every other
 * variant is described by what it adds to or drops from another, so a new object flows through all variants.
 */
final class Kinds {
    static final String NAMESPACE = "Namespace";
    static final String CRD = "CustomResourceDefinition";
    static final List<String> CLUSTER_RBAC = List.of("ClusterRole", "ClusterRoleBinding");
    static final List<String> ROLE = List.of("Role", "RoleBinding");
    static final List<String> WEBHOOKS = List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");
    /** deploy/cluster-wide: the reference every other variant's kinds are derived from. */
    static final List<String> CLUSTER_WIDE = List.of(
            NAMESPACE,
            CRD,
            "ServiceAccount",
            "Deployment",
            "Service",
            "ClusterRole",
            "ClusterRoleBinding",
            // the leader-election Lease, in the operator's namespace
            "Role",
            "RoleBinding",
            "MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration");

    private final List<String> kinds;

    private Kinds(List<String> kinds) {
        this.kinds = kinds.stream().sorted().toList();
    }

    static Kinds of(List<String> kinds) {
        return new Kinds(kinds);
    }

    static Kinds of(Manifests m) {
        return new Kinds(m.kinds());
    }

    Kinds plus(List<String> more) {
        List<String> all = new ArrayList<>(kinds);
        all.addAll(more);
        return new Kinds(all);
    }

    Kinds plus(String... more) {
        return plus(List.of(more));
    }

    /** Without one object of each of these kinds; fails if one is missing. */
    Kinds minus(List<String> less) {
        List<String> rest = new ArrayList<>(kinds);
        for (String kind : less) {
            assertThat(rest.remove(kind)).as("%s has a %s to drop", kinds, kind).isTrue();
        }
        return new Kinds(rest);
    }

    Kinds minus(String... less) {
        return minus(List.of(less));
    }

    static void assertKinds(Manifests m, Kinds expected) {
        assertThat(m.kinds()).as("%s: kinds", m.name()).isEqualTo(expected.kinds);
    }
}

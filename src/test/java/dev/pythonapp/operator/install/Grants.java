package dev.pythonapp.operator.install;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What RBAC rules allow, as a set of (API group, resource, verb) triples; a resource may name a subresource
 * ({@code pythonapps/status}). Computed from the rendered Roles, ClusterRoles and their bindings, so two installs
 * can be compared by what they let the operator's ServiceAccount do rather than by how the rules are written.
 */
record Grants(Set<Grant> grants) {
    /** One permission. {@code group} is "" for the core API. */
    record Grant(String group, String resource, String verb) implements Comparable<Grant> {
        @Override
        public int compareTo(Grant o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return (group.isEmpty() ? "core" : group) + "/" + resource + ":" + verb;
        }
    }

    /** A ServiceAccount as a binding subject. */
    record Account(String namespace, String name) {
        boolean is(Subject s) {
            return "ServiceAccount".equals(s.getKind())
                    && name.equals(s.getName())
                    && namespace.equals(s.getNamespace());
        }

        String user() {
            return "system:serviceaccount:" + namespace + ":" + name;
        }
    }

    /** Cluster-scoped resources among those the operator reads: a Role cannot grant them. */
    static final Set<String> CLUSTER_SCOPED = Set.of(HasMetadata.getPlural(Namespace.class));

    Grants {
        grants = new TreeSet<>(grants);
    }

    static Grants of(Collection<PolicyRule> rules) {
        return new Grants(rules.stream().flatMap(Grants::expand).collect(Collectors.toSet()));
    }

    static Stream<Grant> expand(PolicyRule rule) {
        return rule.getApiGroups().stream()
                .flatMap(g -> rule.getResources().stream()
                        .flatMap(r -> rule.getVerbs().stream().map(v -> new Grant(g, r, v))));
    }

    /** What {@code account} may do cluster-wide: ClusterRoles bound by ClusterRoleBindings. */
    static Grants clusterWide(Manifests install, Account account) {
        return new Grants(install.all(ClusterRoleBinding.class).stream()
                .filter(b -> b.getSubjects().stream().anyMatch(account::is))
                .flatMap(b -> clusterRole(install, b.getRoleRef()).stream())
                .collect(Collectors.toSet()));
    }

    /** What {@code account} may do in {@code namespace}: the cluster-wide grants plus those bound in it. */
    static Grants in(Manifests install, Account account, String namespace) {
        Stream<Grant> bound = install.all(RoleBinding.class).stream()
                .filter(b -> namespace.equals(b.getMetadata().getNamespace()))
                .filter(b -> b.getSubjects().stream().anyMatch(account::is))
                .flatMap(b -> "ClusterRole".equals(b.getRoleRef().getKind())
                        ? clusterRole(install, b.getRoleRef()).stream()
                        : role(install, namespace, b.getRoleRef()).stream());
        return new Grants(Stream.concat(clusterWide(install, account).grants.stream(), bound)
                .collect(Collectors.toSet()));
    }

    /** The namespaces in which {@code account} is bound to a Role. */
    static Set<String> boundNamespaces(Manifests install, Account account) {
        return install.all(RoleBinding.class).stream()
                .filter(b -> b.getSubjects().stream().anyMatch(account::is))
                .map(b -> b.getMetadata().getNamespace())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Grant> clusterRole(Manifests install, RoleRef ref) {
        return install.all(ClusterRole.class).stream()
                .filter(r -> r.getMetadata().getName().equals(ref.getName()))
                .flatMap(r -> r.getRules().stream().flatMap(Grants::expand))
                .collect(Collectors.toSet());
    }

    private static Set<Grant> role(Manifests install, String namespace, RoleRef ref) {
        return install.all(Role.class).stream()
                .filter(r -> namespace.equals(r.getMetadata().getNamespace()))
                .filter(r -> r.getMetadata().getName().equals(ref.getName()))
                .flatMap(r -> r.getRules().stream().flatMap(Grants::expand))
                .collect(Collectors.toSet());
    }

    Grants minus(Grants other) {
        return new Grants(grants.stream().filter(g -> !other.grants.contains(g)).collect(Collectors.toSet()));
    }

    Grants plus(Grants other) {
        return new Grants(Stream.concat(grants.stream(), other.grants.stream()).collect(Collectors.toSet()));
    }

    /** Without the grants on cluster-scoped resources, which only a ClusterRole can give. */
    Grants namespaced() {
        return new Grants(grants.stream()
                .filter(g -> !CLUSTER_SCOPED.contains(g.resource().split("/")[0]))
                .collect(Collectors.toSet()));
    }

    /** Problems of a rule: wildcards (a new API would be granted without review) and Secrets (never needed). */
    static List<String> problems(PolicyRule rule) {
        Stream<String> wildcards = Stream.of(
                        rule.getApiGroups(),
                        rule.getResources(),
                        rule.getVerbs(),
                        rule.getResourceNames(),
                        rule.getNonResourceURLs())
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .filter(v -> v.contains("*"))
                .map(v -> "wildcard " + v);
        Stream<String> secrets = rule.getResources().stream()
                .filter(r -> r.split("/")[0].equals("secrets"))
                .map(r -> "grants " + r);
        return Stream.concat(wildcards, secrets).toList();
    }
}

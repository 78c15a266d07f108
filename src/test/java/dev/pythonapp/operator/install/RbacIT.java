package dev.pythonapp.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.install.Grants.Account;
import dev.pythonapp.operator.install.Grants.Grant;
import dev.pythonapp.operator.install.Renders.ChartVariant;
import dev.pythonapp.operator.reconcile.PythonAppReconciler;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.openshift.api.model.BuildConfig;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * RBAC has one source: what deploy/cluster-wide lets the operator's ServiceAccount do (its ClusterRole, and any
 * Role it binds in the operator's namespace). The chart's variants and deploy/single-namespace are compared with it
 * by the permissions they grant, and the permissions the operator's code needs (its controllers and dependents) must
 * be among them. A rule added to deploy/ therefore has to be added to the chart too, and nowhere else.
 */
class RbacIT {
    static final String NS = Renders.NAMESPACE;
    /** A namespace the operator watches but does not run in. */
    static final String ELSEWHERE = "some-team-namespace";

    static final List<String> READ = List.of("get", "list", "watch");
    static final List<String> WRITE = List.of("create", "patch", "update", "delete");
    /**
     * What the operator does in its own namespace when it does not watch it: read the builder catalog ConfigMap
     * (CatalogOverlayEventSource) and report catalog problems as Events on it (PythonAppEvents).
     */
    static final Grants CATALOG_NEEDS = new Grants(Set.of(
            grant(ConfigMap.class, "", "get"),
            grant(ConfigMap.class, "", "list"),
            grant(ConfigMap.class, "", "watch"),
            grant(Event.class, "", "create")));

    static Grant grant(Class<? extends HasMetadata> type, String subresource, String verb) {
        String resource = HasMetadata.getPlural(type) + (subresource.isEmpty() ? "" : "/" + subresource);
        return new Grant(HasMetadata.getGroup(type), resource, verb);
    }

    static Stream<Grant> grants(Class<? extends HasMetadata> type, List<String> verbs) {
        return verbs.stream().map(v -> grant(type, "", v));
    }

    /** The source's grants the catalog needs: its ConfigMap read rule and its Event rule, as the source has them. */
    static Grants catalogGrants() {
        Grant events = grant(Event.class, "", "create");
        return new Grants(sourceElsewhere().grants().stream()
                .filter(g -> CATALOG_NEEDS.grants().contains(g)
                        || g.group().equals(events.group()) && g.resource().equals(events.resource()))
                .collect(Collectors.toSet()));
    }

    static Account account(Manifests install) {
        Deployment d = install.one(Deployment.class);
        return new Account(
                d.getMetadata().getNamespace(),
                d.getSpec().getTemplate().getSpec().getServiceAccountName());
    }

    static Manifests source() {
        return Renders.kustomize("cluster-wide");
    }

    /** The source's grants in the operator's namespace. */
    static Grants sourceAtHome() {
        return Grants.in(source(), account(source()), NS);
    }

    /** The source's grants in any other namespace. */
    static Grants sourceElsewhere() {
        return Grants.in(source(), account(source()), ELSEWHERE);
    }

    @Test
    void sourceBindsItsClusterRoleToTheOperatorOnly() {
        Manifests m = source();
        ClusterRoleBinding binding = m.one(ClusterRoleBinding.class);
        assertThat(binding.getRoleRef().getName())
                .isEqualTo(m.one(ClusterRole.class).getMetadata().getName());
        assertThat(binding.getSubjects())
                .singleElement()
                .satisfies(s -> assertThat(account(m).is(s)).isTrue());
        assertThat(Grants.boundNamespaces(m, account(m)))
                .as("Roles of the cluster-wide install: only in the operator's namespace")
                .isSubsetOf(NS);
    }

    @Test
    void theOperatorsNeedsAreInTheSource() throws ReflectiveOperationException {
        Set<Grant> needs = new HashSet<>();
        grants(PythonApp.class, READ).forEach(needs::add);
        needs.add(grant(PythonApp.class, "status", "patch"));
        // OpenShift's OwnerReferencesPermissionEnforcement: blockOwnerDeletion on the children's owner references
        needs.add(grant(PythonApp.class, "finalizers", "update"));
        for (Dependent dependent :
                PythonAppReconciler.class.getAnnotation(Workflow.class).dependents()) {
            Class<? extends HasMetadata> type = ((KubernetesDependentResource<?, ?>)
                            dependent.type().getDeclaredConstructor().newInstance())
                    .resourceType();
            grants(type, READ).forEach(needs::add);
            grants(type, WRITE).forEach(needs::add);
        }
        // BuildConfigEolReconciler: all BuildConfigs, rewritten where the owner opted in
        grants(BuildConfig.class, READ).forEach(needs::add);
        needs.add(grant(BuildConfig.class, "", "patch"));
        needs.add(grant(BuildConfig.class, "", "update"));
        needs.addAll(CATALOG_NEEDS.grants());
        assertThat(sourceElsewhere().grants()).as("deploy/cluster-wide grants").containsAll(needs);

        // BuildConfigEolReconciler watches Namespaces for the opt-in label where it may (cluster-wide installs)
        assertThat(Grants.clusterWide(source(), account(source())).grants())
                .containsAll(grants(Namespace.class, READ).toList());
    }

    @Test
    void chartDefaultsGrantWhatTheSourceGrants() {
        Manifests chart = Renders.chart(ChartVariant.DEFAULTS);
        Account sa = account(chart);
        assertThat(Grants.clusterWide(chart, sa)).isEqualTo(Grants.clusterWide(source(), account(source())));
        assertThat(Grants.in(chart, sa, NS)).as("in the operator's namespace").isEqualTo(sourceAtHome());
        assertThat(Grants.in(chart, sa, ELSEWHERE)).as("elsewhere").isEqualTo(sourceElsewhere());
        assertThat(chart.one(ClusterRoleBinding.class).getSubjects())
                .singleElement()
                .satisfies(s -> assertThat(sa.is(s)).isTrue());
    }

    @Test
    void chartWatchNamespacesGrantsTheSourceInEachWatchedNamespaceOnly() {
        Manifests chart = Renders.chart(ChartVariant.WATCH_NAMESPACES);
        Account sa = account(chart);
        assertThat(Grants.clusterWide(chart, sa).grants())
                .as("nothing cluster-wide")
                .isEmpty();
        assertThat(Grants.boundNamespaces(chart, sa)).containsExactly(NS, "team-a", "team-b");
        for (String team : List.of("team-a", "team-b")) {
            assertThat(Grants.in(chart, sa, team))
                    .as(team)
                    .isEqualTo(sourceElsewhere().namespaced());
        }
        // the operator's own namespace, not watched: the catalog, plus what the source grants only there
        assertThat(Grants.in(chart, sa, NS))
                .as("the operator's namespace")
                .isEqualTo(catalogGrants().plus(sourceAtHome().minus(sourceElsewhere())));
    }

    @Test
    void singleNamespaceGrantsTheSourceInItsNamespaceOnly() {
        Manifests single = Renders.kustomize("single-namespace");
        Account sa = account(single);
        assertThat(Grants.clusterWide(single, sa).grants())
                .as("nothing cluster-wide")
                .isEmpty();
        assertThat(Grants.boundNamespaces(single, sa)).containsExactly(NS);
        assertThat(Grants.in(single, sa, NS)).isEqualTo(sourceAtHome().namespaced());
    }

    static List<Manifests> allRenders() {
        List<Manifests> all = new ArrayList<>();
        for (ChartVariant v : ChartVariant.values()) {
            all.add(Renders.chart(v));
        }
        Renders.DEPLOY_VARIANTS.forEach(d -> all.add(Renders.kustomize(d)));
        return all;
    }

    @Test
    void noRuleHasWildcardsOrSecrets() {
        for (Manifests m : allRenders()) {
            Stream<PolicyRule> rules = Stream.concat(
                    m.all(ClusterRole.class).stream().flatMap(r -> r.getRules().stream()),
                    m.all(Role.class).stream().flatMap(r -> r.getRules().stream()));
            assertThat(rules.flatMap(r -> Grants.problems(r).stream()).toList())
                    .as(m.name())
                    .isEmpty();
        }
    }

    static final Pattern RBAC_KIND = Pattern.compile("(?m)^kind: (Cluster)?Role\\s*$");
    static final Pattern RULE_START = Pattern.compile("^\\s*- apiGroups:.*");

    /** Rules in YAML text without a comment line right above them (in Role and ClusterRole documents). */
    static List<String> rulesWithoutComment(String yaml) {
        List<String> missing = new ArrayList<>();
        for (String doc : yaml.split("(?m)^---.*$")) {
            if (!RBAC_KIND.matcher(doc).find()) {
                continue;
            }
            String previous = "";
            for (String line : doc.lines().toList()) {
                if (RULE_START.matcher(line).matches() && !previous.strip().startsWith("#")) {
                    missing.add(line.strip());
                }
                if (!line.isBlank()) {
                    previous = line;
                }
            }
        }
        return missing;
    }

    @Test
    void everyRuleIsExplainedByAComment() throws IOException {
        // kustomize drops comments, so deploy/ is read in its source files
        try (Stream<Path> files = Files.walk(Path.of("deploy"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                assertThat(rulesWithoutComment(Files.readString(file)))
                        .as(file.toString())
                        .isEmpty();
            }
        }
        for (ChartVariant v : List.of(ChartVariant.DEFAULTS, ChartVariant.WATCH_NAMESPACES)) {
            List<String> args = new ArrayList<>(List.of("template", NS, Renders.CHART.toString(), "-n", NS));
            args.addAll(v.setArgs());
            assertThat(rulesWithoutComment(Renders.helm(args).stdoutOrFail()))
                    .as("chart " + v)
                    .isEmpty();
        }
        assertThat(rulesWithoutComment("kind: Role\nrules:\n  - apiGroups: [\"\"]\n"))
                .as("the check finds a rule without a comment")
                .hasSize(1);
    }
}

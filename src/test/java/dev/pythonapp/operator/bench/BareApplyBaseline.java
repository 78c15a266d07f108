package dev.pythonapp.operator.bench;

import dev.pythonapp.operator.api.EolPolicy;
import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.catalog.CatalogLoader;
import dev.pythonapp.operator.eol.BuilderPolicy;
import dev.pythonapp.operator.eol.EolBasis;
import dev.pythonapp.operator.eol.Lifecycle;
import dev.pythonapp.operator.render.ChildResources;
import dev.pythonapp.operator.render.Labels;
import dev.pythonapp.operator.render.RenderInput;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the API server can do without the operator: a bare fabric8 client server-side applies the same children the
 * operator would make for the same apps (rendered by the same pure renderer), from as many threads as the operator
 * reconciles with. The operator's convergence time divided by this is the figure that holds across machines.
 * The children get another managed-by label, so the operator's label-filtered informers never see them.
 */
final class BareApplyBaseline {
    static final String FIELD_MANAGER = "bench-baseline";

    private BareApplyBaseline() {}

    static List<HasMetadata> children(PythonApp app, BuilderPolicy policy, LocalDate today) {
        BuilderPolicy.Outcome outcome = policy.decide(app.getSpec(), today);
        if (!(outcome instanceof BuilderPolicy.Outcome.Decided decided)) {
            throw new IllegalStateException("benchmark app without a builder: " + outcome);
        }
        RenderInput in = new RenderInput(app, decided.decision(), Optional.empty());
        List<HasMetadata> children = List.of(
                ChildResources.imageStream(in),
                ChildResources.buildConfig(in),
                ChildResources.deployment(in),
                ChildResources.service(in),
                ChildResources.route(in));
        children.forEach(c -> c.getMetadata().getLabels().put(Labels.MANAGED_BY, FIELD_MANAGER));
        return children;
    }

    /** Applies every child of every app; returns the wall time. */
    static Duration run(KubernetesClient client, List<PythonApp> apps, int threads) {
        BuilderPolicy policy = new BuilderPolicy(
                new Lifecycle(CatalogLoader.toCatalog(CatalogLoader.readBuiltIn()), EolBasis.of("vendor"), 90),
                EolPolicy.Rewrite);
        LocalDate today = LocalDate.now();
        List<List<HasMetadata>> perApp =
                apps.stream().map(a -> children(a, policy, today)).toList();
        long start = System.nanoTime();
        BenchCluster.parallel(
                perApp,
                threads,
                children -> children.forEach(child -> client.resource(child)
                        .fieldManager(FIELD_MANAGER)
                        .forceConflicts()
                        .serverSideApply()));
        return Duration.ofNanos(System.nanoTime() - start);
    }
}

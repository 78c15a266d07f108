package dev.pythonapp.operator.webhook;

import dev.pythonapp.operator.eol.BuildConfigBuilders;
import dev.pythonapp.operator.eol.Lifecycle;
import dev.pythonapp.operator.render.Labels;
import io.fabric8.openshift.api.model.BuildConfig;
import java.time.LocalDate;

/**
 * Mutating admission for BuildConfigs created in namespaces labelled {@code pythonapp.dev/eol-buildconfigs=rewrite}
 * (the webhook configuration's namespaceSelector): an end-of-life builder is replaced by its successor in the same
 * form, and the original is recorded in an annotation. The BuildConfigs of PythonApps are left to their app.
 */
final class BuildConfigRewriteMutator {
    private BuildConfigRewriteMutator() {}

    /** {@code bc}, changed in place when its builder is end of life and has a successor, unless a PythonApp owns it. */
    static BuildConfig mutate(BuildConfig bc, Lifecycle lifecycle, LocalDate today) {
        if (ownedByAPythonApp(bc)) {
            return bc;
        }
        BuildConfigBuilders.assess(bc, lifecycle, today)
                .flatMap(a -> a.rewritten().map(to -> {
                    BuildConfigBuilders.rewrite(bc, a.found(), to);
                    return bc;
                }));
        return bc;
    }

    /**
     * A PythonApp's own BuildConfig follows the app's end-of-life policy, which moves its builder and run-time image
     * together; rewriting the FROM lines of its Dockerfile one by one here could part them.
     */
    static boolean ownedByAPythonApp(BuildConfig bc) {
        return bc.getMetadata() != null
                && bc.getMetadata().getLabels() != null
                && Labels.MANAGED_BY_VALUE.equals(bc.getMetadata().getLabels().get(Labels.MANAGED_BY));
    }
}

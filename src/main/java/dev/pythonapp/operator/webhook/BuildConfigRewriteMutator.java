package dev.pythonapp.operator.webhook;

import dev.pythonapp.operator.eol.BuildConfigBuilders;
import dev.pythonapp.operator.eol.Lifecycle;
import io.fabric8.openshift.api.model.BuildConfig;
import java.time.LocalDate;

/**
 * Mutating admission for BuildConfigs created in namespaces labelled {@code pythonapp.dev/eol-buildconfigs=rewrite}
 * (the webhook configuration's namespaceSelector): an end-of-life builder is replaced by its successor in the same
 * form, and the original is recorded in an annotation.
 */
final class BuildConfigRewriteMutator {
    private BuildConfigRewriteMutator() {}

    /** {@code bc}, changed in place when its builder is end of life and has a successor. */
    static BuildConfig mutate(BuildConfig bc, Lifecycle lifecycle, LocalDate today) {
        BuildConfigBuilders.assess(bc, lifecycle, today)
                .flatMap(a -> a.rewritten().map(to -> {
                    BuildConfigBuilders.rewrite(bc, a.found(), to);
                    return bc;
                }));
        return bc;
    }
}

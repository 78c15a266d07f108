package dev.pythonapp.operator.webhook;

import dev.pythonapp.operator.config.BuilderPolicyProvider;
import dev.pythonapp.operator.config.OperatorClock;
import dev.pythonapp.operator.eol.BuildConfigBuilders;
import io.fabric8.openshift.api.model.BuildConfig;
import io.javaoperatorsdk.webhook.admission.Operation;
import io.javaoperatorsdk.webhook.admission.mutation.Mutator;
import jakarta.inject.Singleton;

/**
 * Mutating admission for BuildConfigs created in namespaces labelled {@code pythonapp.dev/eol-buildconfigs=rewrite}
 * (the webhook configuration's namespaceSelector): an end-of-life builder is replaced by its successor in the same
 * form, and the original is recorded in an annotation.
 */
@Singleton
public class BuildConfigRewriteMutator implements Mutator<BuildConfig> {
    private final BuilderPolicyProvider policies;
    private final OperatorClock clock;

    public BuildConfigRewriteMutator(BuilderPolicyProvider policies, OperatorClock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public BuildConfig mutate(BuildConfig bc, Operation operation) {
        BuildConfigBuilders.assess(bc, policies.policy().lifecycle(), clock.today())
                .flatMap(a -> a.rewritten().map(to -> {
                    BuildConfigBuilders.rewrite(bc, a.found(), to);
                    return bc;
                }));
        return bc;
    }
}

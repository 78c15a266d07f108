package dev.pythonapp.operator.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables a test class on an existing cluster ({@link ControlPlane#KUBECONFIG_PROPERTY}): for classes that start a
 * second, isolated control plane. Disabled (not aborted in {@code @BeforeAll}) so the report lists each test as
 * skipped, with the reason.
 */
public class BuiltControlPlaneOnly implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return ControlPlane.existingClusterKubeconfig()
                .map(k -> ConditionEvaluationResult.disabled(ControlPlane.ISOLATED_ONLY))
                .orElseGet(() -> ConditionEvaluationResult.enabled("the built control plane"));
    }
}

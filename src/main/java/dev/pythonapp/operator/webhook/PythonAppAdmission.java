package dev.pythonapp.operator.webhook;

import dev.pythonapp.operator.api.MessageLimit;
import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.eol.BuildConfigBuilders;
import dev.pythonapp.operator.eol.BuilderDecision;
import dev.pythonapp.operator.eol.BuilderPolicy;
import dev.pythonapp.operator.eol.LifecycleState;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponseBuilder;
import java.time.LocalDate;
import java.util.List;

/**
 * Validating admission of PythonApps: warns (kubectl/oc print admission warnings) when the builder is end of life or
 * soon will be, and denies creating an app on an end-of-life builder under the Block policy. Schema errors are the
 * CRD's job.
 */
final class PythonAppAdmission {
    private PythonAppAdmission() {}

    /** The response to the {@code operation} (CREATE, UPDATE) of {@code app} under {@code policy} on {@code today}. */
    static AdmissionResponse review(PythonApp app, String operation, BuilderPolicy policy, LocalDate today) {
        if (app == null || app.getSpec() == null) {
            return allowed(List.of());
        }
        BuilderPolicy.Outcome outcome = policy.decide(app.getSpec(), today);
        if (outcome instanceof BuilderPolicy.Outcome.Invalid invalid) {
            return allowed(List.of(MessageLimit.ADMISSION_WARNING.cut("no builder: " + invalid.message())));
        }
        BuilderDecision decision = ((BuilderPolicy.Outcome.Decided) outcome).decision();
        if (decision.requested().image().isEmpty() || decision.state() == LifecycleState.SUPPORTED) {
            return allowed(List.of());
        }
        String warning = BuildConfigBuilders.warning(
                decision.requested().image().get().name(),
                decision.state(),
                decision.eolDate().orElseThrow(),
                decision.successor());
        // Block refuses new apps on a dead builder; updates stay allowed so existing apps can be managed and fixed
        if (decision.action() == BuilderDecision.Action.PAUSE && "CREATE".equals(operation)) {
            return new AdmissionResponseBuilder()
                    .withAllowed(false)
                    .withStatus(new StatusBuilder()
                            .withCode(403)
                            .withReason("Forbidden")
                            .withMessage("eolPolicy Block: " + decision.message())
                            .build())
                    .build();
        }
        List<String> warnings = decision.action() == BuilderDecision.Action.BUILD_SUCCESSOR
                ? List.of(
                        warning,
                        MessageLimit.ADMISSION_WARNING.cut("the operator builds with "
                                + decision.effective().reference() + " (policy Rewrite)"))
                : List.of(warning);
        return allowed(warnings);
    }

    static AdmissionResponse allowed(List<String> warnings) {
        return new AdmissionResponseBuilder()
                .withAllowed(true)
                .withWarnings(warnings.isEmpty() ? null : warnings)
                .build();
    }
}

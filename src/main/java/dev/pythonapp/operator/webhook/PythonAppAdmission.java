package dev.pythonapp.operator.webhook;

import dev.pythonapp.operator.api.MessageLimit;
import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import dev.pythonapp.operator.eol.BuildConfigBuilders;
import dev.pythonapp.operator.eol.BuilderDecision;
import dev.pythonapp.operator.eol.BuilderPolicy;
import dev.pythonapp.operator.eol.LifecycleState;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponseBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validating admission of PythonApps: warns (kubectl/oc print admission warnings) when the builder or the run-time
 * image is end of life or soon will be, denies creating an app on an end-of-life image under the Block policy, and
 * denies a spec.runtime or spec.build.packages that cannot work (reason InvalidRuntime, which needs the catalog the
 * CRD's rules cannot see). Schema errors are the CRD's job.
 */
final class PythonAppAdmission {
    private PythonAppAdmission() {}

    /** The answer to {@code request} under {@code policy} on {@code today}. Pure. */
    static AdmissionResponse review(AdmissionRequest request, BuilderPolicy policy, LocalDate today) {
        Optional<PythonApp> app = parse(request.getObject());
        if (app.isEmpty()) {
            return allowed(List.of());
        }
        BuilderPolicy.Outcome outcome = policy.decide(app.get().getSpec(), today);
        if (outcome instanceof BuilderPolicy.Outcome.Invalid invalid) {
            if (invalid.reason() == ConditionReason.INVALID_RUNTIME
                    && !refusedBefore(request, invalid, policy, today)) {
                return denied(422, "Invalid", invalid.message());
            }
            return allowed(List.of(MessageLimit.ADMISSION_WARNING.cut("no builder: " + invalid.message())));
        }
        BuilderDecision decision = ((BuilderPolicy.Outcome.Decided) outcome).decision();
        List<String> warnings = lifecycleWarnings(decision);
        if (warnings.isEmpty()) {
            return allowed(List.of());
        }
        // Block refuses new apps on a dead image; updates stay allowed so existing apps can be managed and fixed
        if (decision.action() == BuilderDecision.Action.PAUSE && "CREATE".equals(request.getOperation())) {
            return denied(403, "Forbidden", "eolPolicy Block: " + decision.message());
        }
        if (decision.action() == BuilderDecision.Action.BUILD_SUCCESSOR) {
            if (decision.builderRewritten()) {
                warnings.add(MessageLimit.ADMISSION_WARNING.cut(
                        "the operator builds with " + decision.effective().reference() + " (policy Rewrite)"));
            }
            decision.runtime()
                    .filter(BuilderDecision.RuntimeImage::rewritten)
                    .ifPresent(r -> warnings.add(MessageLimit.ADMISSION_WARNING.cut(
                            "the operator runs it on " + r.effective().reference() + " (policy Rewrite)")));
        }
        return allowed(warnings);
    }

    /** One warning per catalog image (builder, then run-time image) that is end of life or soon will be. */
    private static List<String> lifecycleWarnings(BuilderDecision decision) {
        List<String> warnings = new ArrayList<>();
        if (decision.requested().image().isPresent() && decision.state() != LifecycleState.SUPPORTED) {
            warnings.add(BuildConfigBuilders.warning(
                    decision.requested().image().get().name(),
                    decision.state(),
                    decision.eolDate().orElseThrow(),
                    decision.successor()));
        }
        decision.runtime()
                .filter(r -> r.lifecycle().state() != LifecycleState.SUPPORTED)
                .ifPresent(r -> warnings.add(BuildConfigBuilders.warning(
                        "runtime " + r.requestedImage().name(),
                        r.lifecycle().state(),
                        r.lifecycle().eolDate().orElseThrow(),
                        "",
                        r.lifecycle().successor().map(s -> s.name()))));
        return warnings;
    }

    /**
     * Whether an update leaves the app exactly as refused as it was: then the update (a label, a rebuild annotation,
     * the fix of another field) goes through, because a catalog change can make an app refused that was accepted, and
     * the app must stay manageable. An update that brings the refusal in, or changes it, is denied.
     */
    private static boolean refusedBefore(
            AdmissionRequest request, BuilderPolicy.Outcome.Invalid now, BuilderPolicy policy, LocalDate today) {
        if (!"UPDATE".equals(request.getOperation())) {
            return false;
        }
        return parse(request.getOldObject())
                .map(old -> policy.decide(old.getSpec(), today))
                .filter(before -> before.equals(now))
                .isPresent();
    }

    private static Optional<PythonApp> parse(Object object) {
        if (object == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(Serialization.unmarshal(Serialization.asJson(object), PythonApp.class))
                .filter(app -> app.getSpec() != null);
    }

    private static AdmissionResponse denied(int code, String reason, String message) {
        return new AdmissionResponseBuilder()
                .withAllowed(false)
                .withStatus(new StatusBuilder()
                        .withCode(code)
                        .withReason(reason)
                        .withMessage(message)
                        .build())
                .build();
    }

    static AdmissionResponse allowed(List<String> warnings) {
        return new AdmissionResponseBuilder()
                .withAllowed(true)
                .withWarnings(warnings.isEmpty() ? null : warnings)
                .build();
    }
}

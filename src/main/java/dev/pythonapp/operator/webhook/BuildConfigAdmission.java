package dev.pythonapp.operator.webhook;

import dev.pythonapp.operator.config.BuilderPolicyProvider;
import dev.pythonapp.operator.config.OperatorClock;
import dev.pythonapp.operator.eol.BuildConfigBuilders;
import dev.pythonapp.operator.eol.LifecycleState;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.openshift.api.model.BuildConfig;
import io.javaoperatorsdk.webhook.admission.AdmissionRequestHandler;
import jakarta.inject.Singleton;
import java.util.List;

/** Validating admission of any BuildConfig: warns when its Python builder is end of life or soon will be. Never denies. */
@Singleton
public class BuildConfigAdmission implements AdmissionRequestHandler {
    private final BuilderPolicyProvider policies;
    private final OperatorClock clock;

    public BuildConfigAdmission(BuilderPolicyProvider policies, OperatorClock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public AdmissionResponse handle(AdmissionRequest request) {
        BuildConfig bc = Serialization.unmarshal(Serialization.asJson(request.getObject()), BuildConfig.class);
        List<String> warnings = BuildConfigBuilders.assess(bc, policies.policy().lifecycle(), clock.today())
                .filter(a -> a.state() != LifecycleState.SUPPORTED)
                .map(a -> BuildConfigBuilders.warning(a.found().image().name(), a.state(), a.eolDate(), a.successor()))
                .map(List::of)
                .orElse(List.of());
        return PythonAppAdmission.allowed(warnings);
    }
}

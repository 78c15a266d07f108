package dev.pythonapp.operator.webhook;

import dev.pythonapp.operator.config.BuilderPolicyProvider;
import dev.pythonapp.operator.config.OperatorClock;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.openshift.api.model.BuildConfig;
import io.javaoperatorsdk.webhook.admission.AdmissionController;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The admission webhook endpoints (served on the HTTPS port; the webhook configurations in helm/ and deploy/ point
 * here). Each hands the AdmissionReview to a java-operator-sdk webhooks-framework AdmissionController, which calls a
 * pure decision with the builder policy in force and the operator's today.
 */
@Path("/admission")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AdmissionWebhooks {
    private final AdmissionController<?> validatePythonApp;
    private final AdmissionController<?> validateBuildConfig;
    private final AdmissionController<BuildConfig> mutateBuildConfig;

    public AdmissionWebhooks(BuilderPolicyProvider policies, OperatorClock clock) {
        this.validatePythonApp = new AdmissionController<>(
                request -> PythonAppAdmission.review(request, policies.policy(), clock.today()));
        this.validateBuildConfig = new AdmissionController<>(request -> BuildConfigAdmission.review(
                object(request, BuildConfig.class), policies.policy().lifecycle(), clock.today()));
        this.mutateBuildConfig = new AdmissionController<>((bc, operation) ->
                BuildConfigRewriteMutator.mutate(bc, policies.policy().lifecycle(), clock.today()));
    }

    /** The object of an admission request as {@code kind}. */
    private static <T> T object(AdmissionRequest request, Class<T> kind) {
        return Serialization.unmarshal(Serialization.asJson(request.getObject()), kind);
    }

    @POST
    @Path("/validate-pythonapp")
    public AdmissionReview validatePythonApp(AdmissionReview review) {
        return validatePythonApp.handle(review);
    }

    @POST
    @Path("/validate-buildconfig")
    public AdmissionReview validateBuildConfig(AdmissionReview review) {
        return validateBuildConfig.handle(review);
    }

    @POST
    @Path("/mutate-buildconfig")
    public AdmissionReview mutateBuildConfig(AdmissionReview review) {
        return mutateBuildConfig.handle(review);
    }
}

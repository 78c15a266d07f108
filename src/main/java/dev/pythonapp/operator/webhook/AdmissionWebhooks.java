package dev.pythonapp.operator.webhook;

import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.openshift.api.model.BuildConfig;
import io.javaoperatorsdk.webhook.admission.AdmissionController;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The admission webhook endpoints (served on the HTTPS port; the webhook configurations in helm/ and deploy/ point
 * here). Each hands the AdmissionReview to a java-operator-sdk webhooks-framework AdmissionController.
 */
@Path("/admission")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AdmissionWebhooks {
    private final AdmissionController<?> validatePythonApp;
    private final AdmissionController<?> validateBuildConfig;
    private final AdmissionController<BuildConfig> mutateBuildConfig;

    public AdmissionWebhooks(
            PythonAppAdmission pythonApps, BuildConfigAdmission buildConfigs, BuildConfigRewriteMutator rewrite) {
        this.validatePythonApp = new AdmissionController<>(pythonApps);
        this.validateBuildConfig = new AdmissionController<>(buildConfigs);
        this.mutateBuildConfig = new AdmissionController<>(rewrite);
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

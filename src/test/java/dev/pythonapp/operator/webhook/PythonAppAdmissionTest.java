package dev.pythonapp.operator.webhook;

import static dev.pythonapp.operator.testing.Fixtures.CATALOG_DAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.api.BuilderSpec;
import dev.pythonapp.operator.api.EolPolicy;
import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.testing.Fixtures;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequestBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import org.junit.jupiter.api.Test;

/** What the PythonApp admission webhook answers about run-time images (the kubectl view is in AdmissionWebhookIT). */
class PythonAppAdmissionTest {

    static AdmissionResponse review(String operation, PythonApp app, PythonApp old) {
        AdmissionRequest request = new AdmissionRequestBuilder()
                .withOperation(operation)
                .withObject(app)
                .withOldObject(old)
                .build();
        return PythonAppAdmission.review(request, Fixtures.policy(EolPolicy.Rewrite), CATALOG_DAY);
    }

    static PythonApp onUbi9(String runtimeImage) {
        return Fixtures.app("web").runtimeImage(runtimeImage).build();
    }

    /** Builder ubi8/python-311 and runtime ubi8/python-311-minimal: both end of life since 2026-05-31. */
    static Fixtures.AppBuilder python311OnUbi8WithMinimalRuntime() {
        return Fixtures.app("web")
                .pythonVersion("3.11")
                .os(BuilderSpec.Os.UBI8)
                .runtimeVariant(BuilderSpec.Variant.MINIMAL);
    }

    @Test
    void deniesARuntimeOfAnotherPythonWithTheReason() {
        AdmissionResponse response =
                review("CREATE", onUbi9("registry.access.redhat.com/ubi9/python-314-minimal"), null);
        assertThat(response.getAllowed()).isFalse();
        assertThat(response.getStatus().getCode()).isEqualTo(422);
        assertThat(response.getStatus().getMessage())
                .startsWith("runtime.image ubi9/python-314-minimal is Python 3.14 on ubi9, but builder "
                        + "ubi9/python-312 is Python 3.12 on ubi9");
    }

    @Test
    void deniesRuntimeSettingsWithABuilderTheCatalogDoesNotKnow() {
        AdmissionResponse response = review(
                "CREATE",
                Fixtures.app("web")
                        .builderImage("quay.io/acme/python-312-custom")
                        .runtimeVariant(BuilderSpec.Variant.MINIMAL)
                        .build(),
                null);
        assertThat(response.getAllowed()).isFalse();
        assertThat(response.getStatus().getMessage()).contains("needs a builder image the catalog knows");
    }

    @Test
    void anUpdateThatLeavesTheSameRefusalIsAllowedOneThatBringsItInIsNot() {
        PythonApp refused = onUbi9("registry.access.redhat.com/ubi9/python-314-minimal");
        assertThat(review("UPDATE", refused, refused).getAllowed()).isTrue();
        PythonApp fine =
                Fixtures.app("web").runtimeVariant(BuilderSpec.Variant.MINIMAL).build();
        assertThat(review("UPDATE", refused, fine).getAllowed()).isFalse();
        assertThat(review("UPDATE", fine, refused).getAllowed()).isTrue();
    }

    @Test
    void warnsAboutBothEndOfLifeImagesAndWhatRewriteUses() {
        AdmissionResponse response =
                review("CREATE", python311OnUbi8WithMinimalRuntime().build(), null);
        assertThat(response.getAllowed()).isTrue();
        assertThat(response.getWarnings())
                .containsExactly(
                        "builder ubi8/python-311 reached end of life on 2026-05-31; successor ubi8/python-312",
                        "runtime ubi8/python-311-minimal reached end of life on 2026-05-31; successor "
                                + "ubi8/python-312-minimal",
                        "the operator builds with registry.access.redhat.com/ubi8/python-312:latest (policy Rewrite)",
                        "the operator runs it on registry.access.redhat.com/ubi8/python-312-minimal:latest (policy "
                                + "Rewrite)");
    }

    @Test
    void blockRefusesANewAppOnEndOfLifeImages() {
        AdmissionResponse response = review(
                "CREATE",
                python311OnUbi8WithMinimalRuntime().eolPolicy(EolPolicy.Block).build(),
                null);
        assertThat(response.getAllowed()).isFalse();
        assertThat(response.getStatus().getCode()).isEqualTo(403);
        assertThat(response.getStatus().getMessage()).startsWith("eolPolicy Block: builder ubi8/python-311");
    }
}

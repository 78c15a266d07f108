package dev.pythonapp.operator.webhook;

import dev.pythonapp.operator.eol.BuildConfigBuilders;
import dev.pythonapp.operator.eol.BuildConfigLifecycleApply;
import dev.pythonapp.operator.eol.Lifecycle;
import dev.pythonapp.operator.eol.LifecycleState;
import dev.pythonapp.operator.scan.BuildConfigScanner;
import dev.pythonapp.operator.scan.ImageAssessor;
import dev.pythonapp.operator.scan.dockerfile.DockerfileScanner;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.openshift.api.model.BuildConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Validating admission of any BuildConfig: warns when its Python builder (a catalog image, an {@code openshift/python}
 * tag or a community image such as {@code python:3.8-slim}) is end of life or soon will be, and returns the repository
 * scanner's Dockerfile findings for an inline {@code spec.source.dockerfile}. Never denies.
 */
final class BuildConfigAdmission {
    private BuildConfigAdmission() {}

    /** The response for {@code bc}: always allowed, with its {@link #warnings}. */
    static AdmissionResponse review(BuildConfig bc, Lifecycle lifecycle, LocalDate today) {
        return PythonAppAdmission.allowed(warnings(bc, lifecycle, today));
    }

    /** The warnings for {@code bc}: its builder's lifecycle, then the findings of its inline Dockerfile. Pure. */
    static List<String> warnings(BuildConfig bc, Lifecycle lifecycle, LocalDate today) {
        List<String> warnings = new ArrayList<>();
        ImageAssessor assessor = new ImageAssessor(lifecycle, today);
        BuildConfigScanner.builder(bc, assessor)
                .map(BuildConfigLifecycleApply.Builder::reference)
                .filter(r -> r.state() != LifecycleState.SUPPORTED)
                .map(BuildConfigBuilders.Reference::warning)
                .ifPresent(warnings::add);
        BuildConfigBuilders.inlineDockerfile(bc).stream()
                .flatMap(dockerfile -> DockerfileScanner.warnings(dockerfile, assessor).stream())
                .map(BuildConfigBuilders::warning)
                .forEach(warnings::add);
        return warnings;
    }
}

package dev.pythonapp.operator.build;

import io.fabric8.openshift.api.model.Build;
import io.fabric8.openshift.api.model.BuildBuilder;
import java.util.Map;

/** Builds as OpenShift's build controller writes them, for unit tests. */
final class BuildFixtures {
    private BuildFixtures() {}

    static Build build(String app, long number, String phase) {
        return new BuildBuilder()
                .withNewMetadata()
                .withName(app + "-" + number)
                .withAnnotations(Map.of(Builds.NUMBER_ANNOTATION, String.valueOf(number)))
                .endMetadata()
                .withNewSpec()
                .addNewTriggeredBy()
                .withMessage("Build configuration change")
                .endTriggeredBy()
                .endSpec()
                .withNewStatus()
                .withPhase(phase)
                .endStatus()
                .build();
    }
}

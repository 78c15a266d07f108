package dev.pythonapp.operator.reconcile;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import java.util.Optional;

/** Reads whether a Deployment is available for its current generation, and a human explanation if not. */
final class DeploymentAvailability {
    private DeploymentAvailability() {}

    /** Empty when available; otherwise why not. */
    static Optional<String> notAvailableBecause(Optional<Deployment> deployment) {
        if (deployment.isEmpty()) {
            return Optional.of("the Deployment does not exist yet");
        }
        Deployment d = deployment.get();
        if (d.getStatus() == null
                || d.getStatus().getObservedGeneration() == null
                || d.getStatus().getObservedGeneration() < d.getMetadata().getGeneration()) {
            return Optional.of("waiting for the Deployment controller to observe the Deployment");
        }
        Optional<DeploymentCondition> available = d.getStatus().getConditions().stream()
                .filter(c -> "Available".equals(c.getType()))
                .findFirst();
        if (available.isPresent() && "True".equals(available.get().getStatus())) {
            return Optional.empty();
        }
        return Optional.of("the Deployment has no available replica yet"
                + available.map(c -> ": " + c.getMessage()).orElse(" (waiting for the first build to push an image)"));
    }
}

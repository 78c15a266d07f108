package dev.pythonapp.operator.render;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.eol.BuilderDecision;
import java.util.Map;
import java.util.Optional;

/**
 * Everything rendering needs: the app, the builder decision and the image the Deployment runs now (kept as it is,
 * because OpenShift's image trigger controller owns it once a build has pushed an image).
 */
public record RenderInput(PythonApp app, BuilderDecision builder, Optional<String> currentDeploymentImage) {

    public String name() {
        return app.getMetadata().getName();
    }

    public String namespace() {
        return app.getMetadata().getNamespace();
    }

    public Map<String, String> labels() {
        return Labels.forChild(app, builder.runtimeVersion(app.getSpec().pythonVersion));
    }
}

package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.api.MessageLimit;
import dev.pythonapp.operator.api.Vocabulary.EventReason;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Kubernetes Events about PythonApps and BuildConfigs. Emitting never fails a reconcile. */
@Singleton
public class PythonAppEvents {
    public static final String COMPONENT = "pythonapp-operator";

    private final KubernetesClient client;

    public PythonAppEvents(KubernetesClient client) {
        this.client = client;
    }

    /** Records an Event of the reason's type; the message is cut to {@link MessageLimit#EVENT}. */
    public void emit(HasMetadata about, EventReason reason, String message) {
        String now = Instant.now().toString();
        var event = new EventBuilder()
                .withNewMetadata()
                .withGenerateName(about.getMetadata().getName() + ".")
                .withNamespace(about.getMetadata().getNamespace())
                .endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder()
                        .withApiVersion(about.getApiVersion())
                        .withKind(about.getKind())
                        .withName(about.getMetadata().getName())
                        .withNamespace(about.getMetadata().getNamespace())
                        .withUid(about.getMetadata().getUid())
                        .build())
                .withType(reason.type().id())
                .withReason(reason.id())
                .withMessage(MessageLimit.EVENT.cut(message))
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .withNewSource()
                .withComponent(COMPONENT)
                .endSource()
                .withReportingComponent(COMPONENT)
                .build();
        try {
            client.v1()
                    .events()
                    .inNamespace(about.getMetadata().getNamespace())
                    .resource(event)
                    .create();
        } catch (KubernetesClientException e) {
            Log.warnf(
                    "could not record event %s on %s/%s: %s",
                    reason.id(),
                    about.getMetadata().getNamespace(),
                    about.getMetadata().getName(),
                    e.getMessage());
        }
    }
}

package dev.pythonapp.operator.eol;

import static dev.pythonapp.operator.testing.Apps.app;
import static dev.pythonapp.operator.testing.Apps.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pythonapp.operator.api.BuilderSpec;
import dev.pythonapp.operator.api.Vocabulary.ConditionType;
import dev.pythonapp.operator.testing.Apps;
import dev.pythonapp.operator.testing.ControlPlane;
import dev.pythonapp.operator.testing.ControlPlaneResource;
import dev.pythonapp.operator.testing.TestNamespaces;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A catalog ConfigMap changes decisions of running apps without a restart; an invalid one is ignored. */
@QuarkusTest
@QuarkusTestResource(ControlPlaneResource.class)
class CatalogOverlayIT {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String OPERATOR_NAMESPACE = "default";
    static final String NAME = "pythonapp-builder-catalog";
    static final String MOVED_DATE = """
            sources:
              platform-team: "our platform team's decision, ticket PLAT-123"
            images:
              - name: ubi9/python-312
                python: "3.12"
                os: ubi9
                variant: full
                image: registry.access.redhat.com/ubi9/python-312
                aliases: [registry.redhat.io/ubi9/python-312, registry.redhat.io/rhel9/python-312]
                imageStreamTags: ["3.12-ubi9"]
                vendorEol: %s
                vendorEolSource: platform-team
            """;

    KubernetesClient client = ControlPlane.shared().adminClient();

    @AfterEach
    void builtInCatalog() {
        client.configMaps().inNamespace(OPERATOR_NAMESPACE).withName(NAME).delete();
    }

    void overlay(String document) {
        client.resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(NAME)
                        .withNamespace(OPERATOR_NAMESPACE)
                        .endMetadata()
                        .withData(Map.of("catalog.yaml", document))
                        .build())
                .forceConflicts()
                .serverSideApply();
    }

    @Test
    void movingADateChangesTheDecisionWithoutARestartAndAnInvalidOverlayIsIgnored() {
        String ns = TestNamespaces.create(client, "overlay");
        Apps.create(client, app(ns, "api", "3.12", s -> {
            s.builder = new BuilderSpec();
            s.builder.os = BuilderSpec.Os.UBI9;
        }));
        await().atMost(TIMEOUT)
                .until(() -> hasCondition(
                        Apps.get(client, ns, "api"), ConditionType.BUILDER_SUPPORTED, "True", "Supported"));

        // end of life moved to yesterday: the default Rewrite policy moves the app to the successor
        overlay(MOVED_DATE.formatted(
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1)));
        await().atMost(TIMEOUT)
                .until(() -> hasCondition(
                        Apps.get(client, ns, "api"), ConditionType.BUILDER_SUPPORTED, "True", "Rewritten"));
        assertThat(Apps.get(client, ns, "api").getStatus().builder.image)
                .isEqualTo("registry.access.redhat.com/ubi9/python-314:latest");

        // a document with a typo is rejected whole: event on the ConfigMap, built-in catalog back in force
        overlay(MOVED_DATE.formatted("2020-01-01").replace("vendorEolSource", "vendorEolSauce"));
        await().atMost(TIMEOUT)
                .until(() -> hasCondition(
                        Apps.get(client, ns, "api"), ConditionType.BUILDER_SUPPORTED, "True", "Supported"));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(client.v1()
                                .events()
                                .inNamespace(OPERATOR_NAMESPACE)
                                .list()
                                .getItems())
                        .anySatisfy(e -> {
                            assertThat(e.getReason()).isEqualTo("InvalidCatalog");
                            assertThat(e.getType()).isEqualTo("Warning");
                            assertThat(e.getInvolvedObject().getName()).isEqualTo(NAME);
                            assertThat(e.getMessage()).contains("vendorEolSauce");
                        }));
        ConfigMap cm = client.configMaps()
                .inNamespace(OPERATOR_NAMESPACE)
                .withName(NAME)
                .get();
        assertThat(cm.getData()).containsKey("catalog.yaml");
    }
}

package dev.pythonapp.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

class DesiredStateMatchTest {

    static Service desired(int port) {
        return new ServiceBuilder()
                .withNewMetadata()
                .withName("app")
                .withNamespace("ns")
                .addToLabels("app.kubernetes.io/name", "app")
                .endMetadata()
                .withNewSpec()
                .addToSelector("pythonapp.dev/app", "app")
                .addNewPort()
                .withName("http")
                .withPort(port)
                .withTargetPort(new IntOrString(8080))
                .endPort()
                .endSpec()
                .build();
    }

    /** What the API server returns: our fields plus defaults and fields of other managers. */
    static Service actualFrom(Service applied) {
        Service actual = Serialization.clone(applied);
        actual.getMetadata().setUid("uid-1");
        actual.getMetadata().setResourceVersion("42");
        actual.getMetadata().getLabels().put("team", "added-by-someone-else");
        actual.getSpec().setClusterIP("10.0.0.12");
        actual.getSpec().setType("ClusterIP");
        actual.getSpec().getPorts().get(0).setProtocol("TCP");
        return actual;
    }

    @Test
    void theDigestIsStableAndAChangeOfOursChangesIt() {
        String a = DesiredStateMatch.stamp(desired(8080))
                .getMetadata()
                .getAnnotations()
                .get(DesiredStateMatch.DIGEST_ANNOTATION);
        String again = DesiredStateMatch.stamp(DesiredStateMatch.stamp(desired(8080)))
                .getMetadata()
                .getAnnotations()
                .get(DesiredStateMatch.DIGEST_ANNOTATION);
        String other = DesiredStateMatch.stamp(desired(9090))
                .getMetadata()
                .getAnnotations()
                .get(DesiredStateMatch.DIGEST_ANNOTATION);
        assertThat(a).isEqualTo(again).isNotEqualTo(other);
    }

    @Test
    void aChildAsAppliedMatchesDespiteDefaultsAndOthersFields() {
        Service applied = DesiredStateMatch.stamp(desired(8080));
        assertThat(DesiredStateMatch.matches(actualFrom(applied), DesiredStateMatch.stamp(desired(8080))))
                .isTrue();
    }

    @Test
    void aChangedSpecOfOursDoesNotMatch() {
        Service applied = DesiredStateMatch.stamp(desired(8080));
        assertThat(DesiredStateMatch.matches(actualFrom(applied), DesiredStateMatch.stamp(desired(9090))))
                .isFalse();
    }

    @Test
    void aFieldOfOursChangedBySomeoneElseDoesNotMatch() {
        Service applied = DesiredStateMatch.stamp(desired(8080));
        Service edited = actualFrom(applied);
        edited.getSpec().getSelector().put("pythonapp.dev/app", "hijacked");
        assertThat(DesiredStateMatch.matches(edited, DesiredStateMatch.stamp(desired(8080))))
                .isFalse();
    }

    @Test
    void aChildWithoutTheDigestDoesNotMatch() {
        Service unstamped = actualFrom(desired(8080));
        assertThat(DesiredStateMatch.matches(unstamped, DesiredStateMatch.stamp(desired(8080))))
                .isFalse();
    }

    @Test
    void listsMatchElementByElementAndNumbersByValue() {
        var node = Serialization.jsonMapper();
        assertThat(DesiredStateMatch.contains(
                        node.valueToTree(new ContainerPortBuilder()
                                .withContainerPort(8080)
                                .build()),
                        node.valueToTree(new ContainerPortBuilder()
                                .withContainerPort(8080)
                                .build())))
                .isTrue();
        assertThat(DesiredStateMatch.contains(
                        node.valueToTree(java.util.List.of(1, 2)), node.valueToTree(java.util.List.of(1))))
                .isFalse();
    }
}

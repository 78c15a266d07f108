package dev.pythonapp.operator.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.api.BuildReport.WebhookUrl;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookUrlsTest {
    @Test
    void urlsFollowOcDescribeWithTheSecretAsAPlaceholder() {
        assertThat(WebhookUrls.of(Optional.of("https://api.example.com:6443/"), "shop", "web"))
                .extracting(w -> w.type, w -> w.url)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "GitHub",
                                "https://api.example.com:6443/apis/build.openshift.io/v1/namespaces/shop/buildconfigs/"
                                        + "web/webhooks/<secret>/github"),
                        org.assertj.core.groups.Tuple.tuple(
                                "GitLab",
                                "https://api.example.com:6443/apis/build.openshift.io/v1/namespaces/shop/buildconfigs/"
                                        + "web/webhooks/<secret>/gitlab"),
                        org.assertj.core.groups.Tuple.tuple(
                                "Generic",
                                "https://api.example.com:6443/apis/build.openshift.io/v1/namespaces/shop/buildconfigs/"
                                        + "web/webhooks/<secret>/generic"));
    }

    @Test
    void withoutThePublicApiUrlOnlyThePathIsKnown() {
        assertThat(WebhookUrls.of(Optional.empty(), "shop", "web"))
                .extracting(w -> w.url)
                .allMatch(u -> u.startsWith("/apis/build.openshift.io/v1/namespaces/shop/buildconfigs/web/webhooks/"));
        assertThat(WebhookUrls.of(Optional.empty(), "shop", "web").get(0))
                .isEqualTo(new WebhookUrl(
                        "GitHub",
                        "/apis/build.openshift.io/v1/namespaces/shop/buildconfigs/web/webhooks/<secret>/github"));
    }
}

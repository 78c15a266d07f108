package dev.pythonapp.operator.build;

import dev.pythonapp.operator.api.BuildReport.WebhookUrl;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The URLs of a BuildConfig's webhook triggers, as {@code oc describe bc} prints them: the secret's value is not
 * known to the operator (it has no right to read Secrets), so {@code <secret>} stands in for it.
 */
public final class WebhookUrls {
    public static final String SECRET_PLACEHOLDER = "<secret>";
    /** The trigger types, as BuildConfig spec.triggers[].type spells them, with their URL suffix. */
    public static final List<String> TYPES = List.of("GitHub", "GitLab", "Generic");

    private WebhookUrls() {}

    /**
     * The webhook URLs of BuildConfig {@code name} in {@code namespace}; paths only when the cluster's public API URL
     * is not configured.
     */
    public static List<WebhookUrl> of(Optional<String> publicApiUrl, String namespace, String name) {
        String base = publicApiUrl.map(u -> u.replaceAll("/+$", "")).orElse("");
        return TYPES.stream()
                .map(type -> new WebhookUrl(
                        type,
                        base + "/apis/build.openshift.io/v1/namespaces/" + namespace + "/buildconfigs/" + name
                                + "/webhooks/" + SECRET_PLACEHOLDER + "/" + type.toLowerCase(Locale.ROOT)))
                .toList();
    }
}

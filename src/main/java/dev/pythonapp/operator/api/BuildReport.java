package dev.pythonapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * status.build: the app's latest Build as OpenShift recorded it (fields named after kpack's and Shipwright's build
 * status), what the operator last requested, and the webhook URLs. Written only by the operator.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BuildReport {
    @JsonPropertyDescription("Name of the latest Build (<app>-<number>).")
    public String name;

    @JsonPropertyDescription("Its build number (annotation openshift.io/build.number).")
    public Long number;

    @JsonPropertyDescription("Its phase: New, Pending, Running, Complete, Failed, Error or Cancelled.")
    public String phase;

    @JsonPropertyDescription("OpenShift's reason for the phase, for example FetchSourceFailed or DockerBuildFailed.")
    public String reason;

    @JsonPropertyDescription("OpenShift's message for the phase.")
    public String message;

    @JsonPropertyDescription("What started the build (spec.triggeredBy messages of the Build).")
    public String triggeredBy;

    @JsonPropertyDescription("The git commit that was built (spec.revision.git.commit of the Build).")
    public String commit;

    @JsonPropertyDescription("Where the build pushed the image (status.outputDockerImageReference).")
    public String outputImage;

    @JsonPropertyDescription("Digest of the pushed image (status.output.to.imageDigest), once OpenShift reports it.")
    public String outputDigest;

    @JsonPropertyDescription("When the build started (RFC 3339).")
    public String startTime;

    @JsonPropertyDescription("When the build finished (RFC 3339).")
    public String completionTime;

    @JsonPropertyDescription("How long the build ran, for example 1m23s.")
    public String duration;

    @JsonPropertyDescription("Digests of the build inputs (git source, builder image, build env, rebuild annotation) "
            + "the latest requested or first build was made for: a change of any of them requests one build.")
    public Map<String, String> inputs;

    @JsonPropertyDescription("The operator's latest build request.")
    public BuildRequestReport request;

    @JsonPropertyDescription("Webhook URLs to paste into the git host, when spec.build.webhookSecretRef is set.")
    public List<WebhookUrl> webhooks;

    @Override
    public boolean equals(Object o) {
        return o instanceof BuildReport b
                && Objects.equals(name, b.name)
                && Objects.equals(number, b.number)
                && Objects.equals(phase, b.phase)
                && Objects.equals(reason, b.reason)
                && Objects.equals(message, b.message)
                && Objects.equals(triggeredBy, b.triggeredBy)
                && Objects.equals(commit, b.commit)
                && Objects.equals(outputImage, b.outputImage)
                && Objects.equals(outputDigest, b.outputDigest)
                && Objects.equals(startTime, b.startTime)
                && Objects.equals(completionTime, b.completionTime)
                && Objects.equals(duration, b.duration)
                && Objects.equals(inputs, b.inputs)
                && Objects.equals(request, b.request)
                && Objects.equals(webhooks, b.webhooks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, number, phase, reason, triggeredBy, commit, outputDigest, inputs, request, webhooks);
    }

    /** A build the operator asked OpenShift for through the BuildConfig's instantiate subresource. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class BuildRequestReport {
        @JsonPropertyDescription("The triggeredBy message sent: which build inputs changed.")
        public String triggeredBy;

        @JsonPropertyDescription("Requested (OpenShift created a Build) or NotServed (the cluster has no build API).")
        public String outcome;

        @JsonPropertyDescription("The Build OpenShift created for the request.")
        public String build;

        @JsonPropertyDescription("The highest build number known when the request was made: later builds are for "
                + "the requested inputs.")
        public Long afterNumber;

        @Override
        public boolean equals(Object o) {
            return o instanceof BuildRequestReport r
                    && Objects.equals(triggeredBy, r.triggeredBy)
                    && Objects.equals(outcome, r.outcome)
                    && Objects.equals(build, r.build)
                    && Objects.equals(afterNumber, r.afterNumber);
        }

        @Override
        public int hashCode() {
            return Objects.hash(triggeredBy, outcome, build, afterNumber);
        }
    }

    /** One webhook trigger of the BuildConfig. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class WebhookUrl {
        @JsonPropertyDescription("GitHub, GitLab or Generic.")
        public String type;

        @JsonPropertyDescription(
                "The URL; <secret> stands for the value of the WebHookSecretKey key of the named "
                        + "Secret. A path without scheme and host when the operator does not know the cluster's public API URL.")
        public String url;

        public WebhookUrl() {}

        public WebhookUrl(String type, String url) {
            this.type = type;
            this.url = url;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WebhookUrl w && Objects.equals(type, w.type) && Objects.equals(url, w.url);
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, url);
        }
    }
}

package dev.pythonapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * status.build: the app's latest Build as OpenShift recorded it (fields named after kpack's and Shipwright's build
 * status), what the operator last requested, and the webhook URLs. Written only by the operator.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BuildReport extends StatusValue {
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
    protected List<Object> values() {
        return Arrays.asList(
                name,
                number,
                phase,
                reason,
                message,
                triggeredBy,
                commit,
                outputImage,
                outputDigest,
                startTime,
                completionTime,
                duration,
                inputs,
                request,
                webhooks);
    }

    /** A build the operator asked OpenShift for through the BuildConfig's instantiate subresource. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class BuildRequestReport extends StatusValue {
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
        protected List<Object> values() {
            return Arrays.asList(triggeredBy, outcome, build, afterNumber);
        }
    }

    /** One webhook trigger of the BuildConfig. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class WebhookUrl extends StatusValue {
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
        protected List<Object> values() {
            return Arrays.asList(type, url);
        }
    }
}

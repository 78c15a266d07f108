package dev.pythonapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class SourceSpec {
    /** CEL: a relative path that does not climb out with '..'. */
    static final String NO_PARENT_DIRECTORY = "!self.split('/').exists(p, p == '..')";

    @Required
    @JsonPropertyDescription("The git repository.")
    public GitSource git;

    @Size(max = 253)
    @Pattern("^[^/](.*[^/])?$")
    @JsonPropertyDescription(
            "Sub-directory of the repository that holds the application (relative, no leading or trailing '/', no '..').")
    @ValidationRule(
            value = SourceSpec.NO_PARENT_DIRECTORY,
            message = "source.contextDir must stay inside the repository: '..' is not allowed")
    public String contextDir;

    @JsonPropertyDescription(
            "A source secret in the same namespace (basic-auth or ssh-auth) for cloning a private repository.")
    public SecretReference secretRef;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class GitSource {
        // https (no password in the URL: it would be stored in the BuildConfig for anyone to read), ssh:// or scp-like
        @Required
        @Size(max = 2048)
        @Pattern(GitUris.PATTERN)
        @JsonPropertyDescription("Git URL: https://host/path, ssh://[user@]host[:port]/path or user@host:path. "
                + "Credentials never go into the URL: use source.secretRef.")
        public String uri;

        @Size(max = 255)
        @Pattern("^[^\\s]+$")
        @JsonPropertyDescription("Branch, tag or commit to build. Default: the repository's default branch.")
        public String ref;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class SecretReference {
        @Required
        @Size(max = 253)
        @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
        @JsonPropertyDescription("Name of the Secret.")
        public String name;
    }
}

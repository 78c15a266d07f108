package dev.pythonapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Build-time settings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BuildSpec {
    // S2I bakes BuildConfig env into the output image (and PIP_INDEX_URL into pip.ini), so secrets must not go here.
    @Size(max = 100)
    @ValidationRule(
            value = "!self.exists(e, has(e.valueFrom) && has(e.valueFrom.secretKeyRef))",
            message = "build.env must not read Secrets: S2I stores build variables in the output image. "
                    + "Use a source secret (source.secretRef) or a pip configuration that does not embed credentials")
    @ValidationRule(
            value =
                    "!self.exists(e, has(e.value) && e.value.matches('^[A-Za-z][A-Za-z0-9+.-]*://[^/@\\\\s]+:[^/@\\\\s]*@'))",
            message = "build.env values must not contain credentials in a URL (user:password@host): S2I stores build "
                    + "variables, and PIP_INDEX_URL in pip.ini, in the output image")
    @ValidationRule(
            value = "!self.exists(e, e.name in ['APP_SCRIPT', 'APP_FILE', 'APP_MODULE', 'APP_HOME', 'APP_CONFIG'])",
            message = "set APP_* variables through spec.run, not build.env")
    @JsonPropertyDescription("Build-time environment for the S2I assemble step, for example PIP_INDEX_URL, "
            + "UPGRADE_PIP_TO_LATEST, ENABLE_MICROPIPENV, DISABLE_COLLECTSTATIC. These values end up in the image.")
    public List<EnvVarSpec> env;

    @JsonPropertyDescription("A Secret in the app's namespace whose key WebHookSecretKey authenticates the git "
            + "host's push webhooks: the BuildConfig gets GitHub, GitLab and Generic webhook triggers, and "
            + "status.build.webhooks lists their URLs. The operator never reads the Secret.")
    public SourceSpec.SecretReference webhookSecretRef;

    @Size(max = SystemPackages.MAX_COUNT)
    @ValidationRule(value = SystemPackages.NAMES_RULE, message = "build.packages: " + SystemPackages.NAMES_MESSAGE)
    @JsonPropertyDescription("System packages installed (as root, with dnf or microdnf) in the builder image before "
            + "the S2I assemble step, for example gcc and python3.12-devel to compile requirements without wheels on "
            + "a minimal builder. They exist only in the stage that assembles the app: the image the app runs on gets "
            + "its /opt/app-root, never these packages. Setting them builds with a generated two-stage Dockerfile "
            + "(README \"Small runtime images\").")
    public List<@Size(max = SystemPackages.MAX_NAME_LENGTH) String> packages;
}

package dev.pythonapp.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Run-time settings: the sclorg images' APP_* variables, extra env and hot deploy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!(has(self.hotDeploy) && self.hotDeploy && has(self.appConfig))",
        message = "run.hotDeploy sets APP_CONFIG itself: remove run.appConfig or hotDeploy")
public class RunSpec {
    @Size(max = 1024)
    @JsonPropertyDescription("APP_SCRIPT: a script to execute (relative to APP_HOME). Wins over appFile and gunicorn.")
    public String appScript;

    @Size(max = 1024)
    @JsonPropertyDescription("APP_FILE: a Python file run with `python`. Wins over gunicorn (APP_MODULE).")
    public String appFile;

    // gunicorn imports MODULE (dotted names, no path, no .py) and calls or reads CALLABLE (default: application)
    @Size(max = 1024)
    @Pattern("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*(:[A-Za-z_].*)?$")
    @ValidationRule(
            value = "!self.endsWith('.py')",
            message = "run.appModule is a Python module, not a file: write app:application for app.py, or use appFile")
    @JsonPropertyDescription(
            "APP_MODULE: the gunicorn WSGI target MODULE[:CALLABLE], e.g. `wsgi` or `app:create_app()`.")
    public String appModule;

    @Size(max = 1024)
    @Pattern("^[^/]")
    @ValidationRule(
            value = SourceSpec.NO_PARENT_DIRECTORY,
            message = "run.appHome is a sub-directory of the source: a relative path without '..'")
    @JsonPropertyDescription("APP_HOME: sub-directory of the source that holds the application (relative, no '..').")
    public String appHome;

    @Size(max = 1024)
    @JsonPropertyDescription("APP_CONFIG: path of a gunicorn config file. Setting it drops the image's default "
            + "`--bind=0.0.0.0:$PORT`, so the file must set bind = \"0.0.0.0:8080\".")
    public String appConfig;

    @JsonPropertyDescription(
            "Generate a gunicorn config with reload = True (and bind 0.0.0.0:8080), mount it and point "
                    + "APP_CONFIG at it, so code edited in the running container is reloaded. For development only.")
    public Boolean hotDeploy;

    @Size(max = 200)
    @ValidationRule(
            value = "!self.exists(e, e.name in ['APP_SCRIPT', 'APP_FILE', 'APP_MODULE', 'APP_HOME', 'APP_CONFIG'])",
            message =
                    "set APP_SCRIPT, APP_FILE, APP_MODULE, APP_HOME and APP_CONFIG through spec.run.appScript, appFile, "
                            + "appModule, appHome and appConfig, not run.env")
    @JsonPropertyDescription("Extra run-time environment of the application container (valueFrom allowed).")
    public List<EnvVarSpec> env;
}

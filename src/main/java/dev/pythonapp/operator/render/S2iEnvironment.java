package dev.pythonapp.operator.render;

import dev.pythonapp.operator.api.EnvVarSpec;
import dev.pythonapp.operator.api.PythonAppSpec;
import dev.pythonapp.operator.api.RunSpec;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The S2I variables of the sclorg Python images, from spec.run, and the env lists of build and run. */
public final class S2iEnvironment {
    /** Where the hot-deploy gunicorn config is mounted in the app container. */
    public static final String HOT_DEPLOY_DIR = "/opt/app-root/etc/pythonapp";

    public static final String HOT_DEPLOY_FILE = "gunicorn.conf.py";

    private S2iEnvironment() {}

    /** APP_SCRIPT, APP_FILE, APP_MODULE, APP_HOME, APP_CONFIG as set in spec.run (unset ones are left out). */
    public static Map<String, String> appVariables(RunSpec run) {
        Map<String, String> vars = new LinkedHashMap<>();
        if (run == null) {
            return vars;
        }
        putIfSet(vars, "APP_SCRIPT", run.appScript);
        putIfSet(vars, "APP_FILE", run.appFile);
        putIfSet(vars, "APP_MODULE", run.appModule);
        putIfSet(vars, "APP_HOME", run.appHome);
        putIfSet(vars, "APP_CONFIG", run.appConfig);
        return vars;
    }

    /** Build env of the BuildConfig: the APP_* variables (S2I bakes them into the image) and spec.build.env. */
    public static List<EnvVar> buildEnv(PythonAppSpec spec) {
        List<EnvVar> env = new ArrayList<>();
        appVariables(spec.run).forEach((k, v) -> env.add(new EnvVar(k, v, null)));
        if (spec.build != null && spec.build.env != null) {
            spec.build.env.forEach(e -> env.add(toEnvVar(e)));
        }
        return env;
    }

    /**
     * Container env of the Deployment: the APP_* variables again, so that a change rolls out without a rebuild, the
     * hot-deploy APP_CONFIG, then spec.run.env.
     */
    public static List<EnvVar> runEnv(PythonAppSpec spec) {
        List<EnvVar> env = new ArrayList<>();
        Map<String, String> app = appVariables(spec.run);
        if (hotDeploy(spec.run)) {
            app.put("APP_CONFIG", HOT_DEPLOY_DIR + "/" + HOT_DEPLOY_FILE);
        }
        app.forEach((k, v) -> env.add(new EnvVar(k, v, null)));
        if (spec.run != null && spec.run.env != null) {
            spec.run.env.forEach(e -> env.add(toEnvVar(e)));
        }
        return env;
    }

    public static boolean hotDeploy(RunSpec run) {
        return run != null && Boolean.TRUE.equals(run.hotDeploy);
    }

    private static EnvVar toEnvVar(EnvVarSpec e) {
        return new EnvVarBuilder()
                .withName(e.name)
                .withValue(e.value)
                .withValueFrom(e.valueFrom)
                .build();
    }

    private static void putIfSet(Map<String, String> vars, String name, String value) {
        if (value != null && !value.isEmpty()) {
            vars.put(name, value);
        }
    }
}

package dev.pythonapp.operator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

import dev.pythonapp.operator.api.EnvVarSpec;
import dev.pythonapp.operator.api.PythonAppSpec;
import dev.pythonapp.operator.api.RunSpec;
import dev.pythonapp.operator.testing.Fixtures;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSourceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class S2iEnvironmentTest {

    @Test
    void appVariablesInTheirFixedOrderLeavingOutUnsetAndEmptyOnes() {
        RunSpec run = new RunSpec();
        run.appConfig = "etc/gunicorn.py";
        run.appModule = "wsgi:application";
        run.appHome = "";
        run.appScript = "run.sh";
        assertThat(S2iEnvironment.appVariables(run))
                .containsExactly(
                        entry("APP_SCRIPT", "run.sh"),
                        entry("APP_MODULE", "wsgi:application"),
                        entry("APP_CONFIG", "etc/gunicorn.py"));
        assertThat(S2iEnvironment.appVariables(null)).isEmpty();
    }

    @Test
    void runEnvKeepsValueFrom() {
        PythonAppSpec spec = Fixtures.app("a").spec();
        spec.run = new RunSpec();
        EnvVarSpec secret = new EnvVarSpec("DATABASE_PASSWORD", null);
        secret.valueFrom = new EnvVarSourceBuilder()
                .withNewSecretKeyRef("password", "db", false)
                .build();
        spec.run.env = List.of(secret);
        List<EnvVar> env = S2iEnvironment.runEnv(spec);
        assertThat(env).singleElement().satisfies(e -> {
            assertThat(e.getName()).isEqualTo("DATABASE_PASSWORD");
            assertThat(e.getValue()).isNull();
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("db");
            assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
        });
    }

    @Test
    void hotDeploySetsAppConfigInTheRunEnvOnly() {
        PythonAppSpec spec = Fixtures.app("a").hotDeploy(true).spec();
        assertThat(S2iEnvironment.hotDeploy(spec.run)).isTrue();
        assertThat(S2iEnvironment.runEnv(spec))
                .extracting(EnvVar::getName, EnvVar::getValue)
                .containsExactly(tuple("APP_CONFIG", "/opt/app-root/etc/pythonapp/gunicorn.conf.py"));
        assertThat(S2iEnvironment.buildEnv(spec)).isEmpty();
    }

    @Test
    void hotDeployIsOffUnlessTrue() {
        assertThat(S2iEnvironment.hotDeploy(null)).isFalse();
        assertThat(S2iEnvironment.hotDeploy(new RunSpec())).isFalse();
        assertThat(S2iEnvironment.hotDeploy(Fixtures.app("a").hotDeploy(false).spec().run))
                .isFalse();
    }

    @Test
    void noRunOrBuildSectionMeansNoEnv() {
        PythonAppSpec spec = Fixtures.app("a").spec();
        assertThat(S2iEnvironment.runEnv(spec)).isEmpty();
        assertThat(S2iEnvironment.buildEnv(spec)).isEmpty();
    }
}

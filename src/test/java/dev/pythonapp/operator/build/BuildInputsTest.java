package dev.pythonapp.operator.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.BuildConfigBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildInputsTest {

    static BuildConfig bc(String ref, String pipIndex) {
        return new BuildConfigBuilder()
                .withNewSpec()
                .withNewSource()
                .withNewGit()
                .withUri("https://github.com/sclorg/django-ex.git")
                .withRef(ref)
                .endGit()
                .endSource()
                .withNewStrategy()
                .withNewSourceStrategy()
                .addNewEnv()
                .withName("PIP_INDEX_URL")
                .withValue(pipIndex)
                .endEnv()
                .endSourceStrategy()
                .endStrategy()
                .endSpec()
                .build();
    }

    static final String BUILDER = "registry.access.redhat.com/ubi9/python-312:latest";

    @Test
    void sameBuildConfigSameInputs() {
        assertThat(BuildInputs.of(bc("main", "https://pypi.org/simple"), BUILDER, null, null))
                .isEqualTo(BuildInputs.of(bc("main", "https://pypi.org/simple"), BUILDER, null, null));
    }

    @Test
    void eachChangeIsNamed() {
        Map<String, String> before = BuildInputs.of(bc("main", "https://pypi.org/simple"), BUILDER, null, null);
        Map<String, String> after = BuildInputs.of(bc("v2", "https://mirror/simple"), BUILDER, null, "2026-12-02");
        assertThat(BuildInputs.changed(before, after)).containsExactly("env.PIP_INDEX_URL", "git.ref", "rebuild");
        assertThat(BuildInputs.describeChange(BuildInputs.changed(before, after)))
                .isEqualTo("pythonapp-operator: build inputs changed: env.PIP_INDEX_URL, git.ref, rebuild");
    }

    @Test
    void aNewBuilderImageIsAnInputChange() {
        Map<String, String> before = BuildInputs.of(bc("main", "x"), BUILDER, null, null);
        Map<String, String> after =
                BuildInputs.of(bc("main", "x"), "registry.access.redhat.com/ubi9/python-313:latest", null, null);
        assertThat(BuildInputs.changed(before, after)).containsExactly("builder");
    }

    @Test
    void theRebuildAnnotationAloneSaysSo() {
        assertThat(BuildInputs.describeChange(List.of("rebuild")))
                .isEqualTo("pythonapp-operator: rebuild requested (annotation pythonapp.dev/rebuild changed)");
    }

    @Test
    void digestsShowNoValues() {
        assertThat(BuildInputs.of(bc("secret-branch", "https://user:token@host/simple"), BUILDER, null, null)
                        .values())
                .allMatch(v -> v.matches("[0-9a-f]{12}"));
    }
}

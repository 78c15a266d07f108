package dev.pythonapp.operator.webhook;

import static dev.pythonapp.operator.testing.Fixtures.dockerBuild;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.catalog.CatalogLoader;
import dev.pythonapp.operator.eol.EolBasis;
import dev.pythonapp.operator.eol.Lifecycle;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildConfigAdmissionWarningsTest {
    static final Lifecycle LIFECYCLE = new Lifecycle(CatalogLoader.builtIn(), EolBasis.VENDOR, 90);
    static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    @Test
    void aCommunityImageInDockerStrategyFromIsRecognised() {
        List<String> warnings = BuildConfigAdmission.warnings(dockerBuild("python:3.8-slim", null), LIFECYCLE, DAY);
        assertThat(warnings)
                .containsExactly(
                        "builder python:3.8-slim reached end of life on 2024-10-07 (CPython); successor python:3.11-slim");
    }

    @Test
    void inlineDockerfileFindingsAreWarningsMostSevereFirst() {
        String dockerfile = "FROM python:3.8-slim\nCOPY . /app\n"
                + "RUN pip install pip --upgrade pip install -r /app/requirements.txt\nCMD python /app/worker.py\n";
        List<String> warnings = BuildConfigAdmission.warnings(dockerBuild(null, dockerfile), LIFECYCLE, DAY);
        assertThat(warnings).hasSize(5).allSatisfy(w -> assertThat(w.length()).isLessThanOrEqualTo(120));
        assertThat(warnings.get(0)).startsWith("Dockerfile line 1 [eol-image] python:3.8-slim (Python 3.8) reached");
        assertThat(warnings.get(1))
                .isEqualTo(
                        "Dockerfile line 3 [pip-commands-run-together] fix: pip install pip --upgrade && pip install -r "
                                + "/app/requirements.txt");
        assertThat(warnings.subList(2, 5))
                .extracting(w -> w.substring(0, w.indexOf(']') + 1))
                .containsExactly(
                        "Dockerfile line 2 [sources-before-requirements]",
                        "Dockerfile line 3 [pip-no-cache-dir]",
                        "Dockerfile line 4 [shell-form-cmd]");
    }

    @Test
    void aSupportedBuilderAndACleanDockerfileGiveNoWarning() {
        String dockerfile = "FROM registry.access.redhat.com/ubi9/python-312\nCOPY requirements.txt ./\n"
                + "RUN pip install -r requirements.txt\nCOPY . .\nUSER 1001\nCMD [\"gunicorn\", \"wsgi\"]\n";
        assertThat(BuildConfigAdmission.warnings(dockerBuild("python:3.13-slim", dockerfile), LIFECYCLE, DAY))
                .isEmpty();
    }

    @Test
    void anUnparsableDockerfileIsOneWarning() {
        assertThat(BuildConfigAdmission.warnings(dockerBuild(null, "FROM x\nRUN <<EOF\necho\n"), LIFECYCLE, DAY))
                .containsExactly("Dockerfile line 2 cannot be parsed: unterminated heredoc <<EOF: no line EOF before "
                        + "the end of the file");
    }
}

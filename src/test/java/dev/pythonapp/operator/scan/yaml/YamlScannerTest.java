package dev.pythonapp.operator.scan.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pythonapp.operator.catalog.CatalogLoader;
import dev.pythonapp.operator.eol.EolBasis;
import dev.pythonapp.operator.eol.Lifecycle;
import dev.pythonapp.operator.scan.Detection;
import dev.pythonapp.operator.scan.Edit;
import dev.pythonapp.operator.scan.ImageAssessment;
import dev.pythonapp.operator.scan.ImageAssessor;
import dev.pythonapp.operator.scan.Rule;
import dev.pythonapp.operator.scan.SourceSyntaxException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlScannerTest {
    static final ImageAssessor ASSESSOR =
            new ImageAssessor(new Lifecycle(CatalogLoader.builtIn(), EolBasis.VENDOR, 90), LocalDate.of(2026, 11, 22));

    static List<Detection> scan(String yaml) throws SourceSyntaxException {
        return new YamlScanner(ASSESSOR).scan(yaml);
    }

    @Test
    void anAliasedNodeIsReportedOnceAtItsAnchor() throws Exception {
        String yaml = "base: &img registry.access.redhat.com/ubi8/python-38\nother: *img\nlist: [*img]\n";
        List<Detection> found = scan(yaml);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).offset()).isEqualTo(yaml.indexOf("registry"));
    }

    @Test
    void flowMappingsAndSequencesAreScannedWithExactOffsets() throws Exception {
        String yaml = "from: {kind: DockerImage, name: \"python:3.9-slim\"}\nimages: [python:3.13, 'python:3.8']\n";
        List<Detection> found = scan(yaml);
        assertThat(found)
                .extracting(Detection::offset)
                .containsExactly(yaml.indexOf("python:3.9"), yaml.indexOf("python:3.13"), yaml.indexOf("python:3.8"));
        assertThat(found.get(0).edits())
                .containsExactly(new Edit(yaml.indexOf("python:3.9"), yaml.indexOf("\"}"), "python:3.11-slim"));
    }

    @Test
    void aDoubleQuotedScalarWithEscapesIsReportedButNotRewritten() throws Exception {
        List<Detection> found = scan("image: \"python:3.8\\u002dslim\"\n");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).image().map(ImageAssessment::image)).contains("python:3.8-slim");
        assertThat(found.get(0).edits()).isEmpty();
    }

    @Test
    void aFoldedInlineDockerfileIsLintedAndPointsAtTheScalar() throws Exception {
        String yaml = "spec:\n  source:\n    dockerfile: >\n      FROM python:3.13\n\n      CMD python app.py\n";
        List<Detection> found = scan(yaml);
        assertThat(found).extracting(Detection::rule).containsExactly(Rule.PYTHON_IMAGE, Rule.SHELL_FORM_CMD);
        assertThat(found).allSatisfy(d -> assertThat(d.offset()).isEqualTo(yaml.indexOf(">")));
    }

    @Test
    void pythonVersionOfAnotherKindIsNotAPythonApp() throws Exception {
        assertThat(scan("apiVersion: v1\nkind: ConfigMap\ndata:\n  pythonVersion: \"3.8\"\n"))
                .isEmpty();
    }

    @Test
    void aPlainPythonVersionThatWouldReadAsANumberIsQuoted() throws Exception {
        String yaml = "apiVersion: pythonapp.dev/v1alpha1\nkind: PythonApp\nspec:\n  pythonVersion: 3.8\n";
        Detection d = scan(yaml).get(0);
        assertThat(d.edits()).containsExactly(new Edit(yaml.indexOf("3.8"), yaml.indexOf("3.8") + 3, "3.12"));
    }

    @Test
    void syntaxErrorsCarryTheOffsetOfTheProblem() {
        String yaml = "a: 1\nb: [unclosed\nc: 2\n";
        assertThatThrownBy(() -> scan(yaml))
                .isInstanceOf(SourceSyntaxException.class)
                .extracting(e -> ((SourceSyntaxException) e).offset())
                .isNotEqualTo(0);
    }
}

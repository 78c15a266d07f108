package dev.pythonapp.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** crds/ is what the build generates from the Java API (runs after `package`, which generates target/kubernetes). */
class CommittedCrdsIT {
    @Test
    void committedCrdEqualsTheGeneratedOne() throws IOException {
        Path generated = Path.of("target", "kubernetes", "pythonapps.pythonapp.dev-v1.yml");
        assertThat(generated).exists();
        assertThat(Files.readString(ProjectCrds.PYTHONAPP_CRD))
                .as("crds/ is stale: copy %s to crds/ and commit it", generated)
                .isEqualTo(Files.readString(generated));
    }
}

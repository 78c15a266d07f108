package dev.pythonapp.operator.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pythonapp.operator.scan.dockerfile.Dockerfile;
import dev.pythonapp.operator.scan.dockerfile.DockerfileParser;
import dev.pythonapp.operator.scan.dockerfile.Instruction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The scanner image's entry point (src/main/docker/Dockerfile.scan), run as the image would run it but from the
 * packaged files its COPY lines take: no container engine runs on this machine, so this proves the command, the
 * classpath against the packaged layout, and that the default CMD's output parses. Not proven: the base image.
 */
class ScanContainerEntrypointIT {
    static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.scan");

    @Test
    void theEntryPointScansWithThePackagedJarAndLibraries() throws Exception {
        Dockerfile dockerfile = DockerfileParser.parse(Files.readString(DOCKERFILE));
        Map<String, String> copied = new LinkedHashMap<>();
        List<String> entrypoint = null;
        for (Instruction i : dockerfile.instructions()) {
            if (i.keyword().equals("COPY")) {
                String[] words = i.args().value().trim().split("\\s+");
                copied.put(words[1], words[0]);
            } else if (i.keyword().equals("ENTRYPOINT")) {
                entrypoint = i.execForm().orElseThrow(() -> new AssertionError("ENTRYPOINT must be exec form"));
            }
        }
        assertThat(entrypoint).as("ENTRYPOINT").isNotNull();
        List<String> command = new ArrayList<>();
        for (String word : entrypoint) {
            String local = word;
            for (var copy : copied.entrySet()) {
                local = local.replace(copy.getKey(), copy.getValue());
            }
            command.add(local);
        }
        assertThat(String.join(" ", command)).contains("target/quarkus-app/app/", "target/quarkus-app/lib/main/");
        command.addAll(List.of("scan", "--format", "json", "src/test/resources/scan-corpus"));

        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("exit 1: the corpus has findings").isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(out);
        assertThat(report.toString()).contains("python-38");
    }
}

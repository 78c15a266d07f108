package dev.pythonapp.operator.renovate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped Renovate preset applied the way Renovate's regex manager applies it: every matchStrings pattern over
 * each sample file whose name a managerFilePatterns entry matches, every match's named groups recorded. (Renovate
 * uses RE2; the patterns use only syntax RE2 and java.util.regex share: no lookaround, no backreferences.)
 */
class RenovatePresetTest {
    static final Path PRESET = Path.of("deploy/renovate/pythonapp-images.json");
    static final Path SAMPLES = Path.of("src/test/resources/renovate-samples");

    static List<String> extract(String file) throws IOException {
        JsonNode preset = new ObjectMapper().readTree(PRESET.toFile());
        String text = Files.readString(SAMPLES.resolve(file));
        List<String> deps = new ArrayList<>();
        for (JsonNode manager : preset.get("customManagers")) {
            assertThat(manager.get("customType").asText()).isEqualTo("regex");
            assertThat(manager.get("datasourceTemplate").asText()).isEqualTo("docker");
            boolean applies = false;
            for (JsonNode filePattern : manager.get("managerFilePatterns")) {
                String p = filePattern.asText();
                assertThat(p).startsWith("/").endsWith("/");
                applies |= Pattern.compile(p.substring(1, p.length() - 1))
                        .matcher(file)
                        .find();
            }
            if (!applies) {
                continue;
            }
            for (JsonNode matchString : manager.get("matchStrings")) {
                String regex = matchString.asText();
                assertThat(regex).doesNotContain("(?=", "(?!", "(?<=", "(?<!");
                Matcher m = Pattern.compile(regex).matcher(text);
                while (m.find()) {
                    String digest = m.group("currentDigest");
                    deps.add(m.group("depName") + " " + m.group("currentValue")
                            + (digest == null ? "" : " " + digest.substring(0, 15)));
                }
            }
        }
        return deps;
    }

    @Test
    void buildConfigFromReferencesInBothKeyOrdersAndFlowStyle() throws IOException {
        assertThat(extract("buildconfigs.yaml"))
                .containsExactlyInAnyOrder(
                        "registry.access.redhat.com/ubi9/python-312 1-25",
                        "docker.io/library/python 3.11-slim sha256:0f3c1a8e",
                        "registry.example.com:5000/team/python-39 2024.1");
    }

    @Test
    void imageStreamTagImports() throws IOException {
        assertThat(extract("imagestream.yaml")).containsExactly("registry.redhat.io/ubi8/python-312 latest");
    }

    @Test
    void pythonAppBuilderImageInACrlfFile() throws IOException {
        assertThat(extract("pythonapp.yaml")).containsExactly("quay.io/acme/python-312-custom 1.4.2");
    }

    @Test
    void imageStreamTagReferencesAreNotDockerImages() throws IOException {
        assertThat(extract("buildconfigs.yaml")).noneMatch(d -> d.startsWith("python "));
    }
}

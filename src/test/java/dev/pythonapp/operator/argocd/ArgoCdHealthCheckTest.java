package dev.pythonapp.operator.argocd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import dev.pythonapp.operator.api.Vocabulary.ConditionType;
import dev.pythonapp.operator.api.Vocabulary.EventReason;
import dev.pythonapp.operator.testing.ArgoCdHealth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.luaj.vm2.LuaValue;

/**
 * Runs the Argo CD health check (deploy/argocd/pythonapp.dev/PythonApp/health.lua) the way Argo CD does:
 * the resource is exposed as the global {@code obj} and the script returns {@code hs}. The cases come from
 * health_test.yaml, the same layout as Argo CD's bundled resource_customizations.
 *
 * <p>LuaJ implements Lua 5.2 while Argo CD uses gopher-lua (Lua 5.1), so {@link #scriptAvoidsNewerLuaSyntax()}
 * rejects the constructs gopher-lua would not parse.
 */
class ArgoCdHealthCheckTest {

    private static final Path CHECK_DIR = Path.of("deploy/argocd/pythonapp.dev/PythonApp");
    private static final Path HEALTH_LUA = ArgoCdHealth.HEALTH_LUA;
    private static final Path HEALTH_TEST_YAML = CHECK_DIR.resolve("health_test.yaml");
    private static final Path TESTDATA_DIR = CHECK_DIR.resolve("testdata");
    private static final Path ARGOCD_CM_PATCH = Path.of("deploy/argocd/argocd-cm-health-patch.yaml");
    private static final String CUSTOMIZATION_KEY = "resource.customizations.health.pythonapp.dev_PythonApp";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    static Stream<Arguments> healthTests() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (Map<String, Object> test : testEntries()) {
            Map<String, Object> expected = asMap(test.get("healthStatus"));
            Object message = expected.get("message");
            cases.add(Arguments.of(
                    (String) test.get("inputPath"),
                    (String) expected.get("status"),
                    message == null ? "" : message.toString()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("healthTests")
    void healthMatchesExpectation(String inputPath, String expectedStatus, String expectedMessage) throws IOException {
        Map<String, Object> resource =
                YAML.readValue(CHECK_DIR.resolve(inputPath).toFile(), MAP);

        LuaValue hs = ArgoCdHealth.run(resource);

        assertThat(hs.istable()).as("health.lua must return a table").isTrue();
        String status = hs.get("status").isnil() ? null : hs.get("status").tojstring();
        String message = hs.get("message").isnil() ? "" : hs.get("message").tojstring();
        assertThat(status).isIn("Healthy", "Progressing", "Degraded");
        assertThat(status).as("status for %s", inputPath).isEqualTo(expectedStatus);
        assertThat(message).as("message for %s", inputPath).isEqualTo(expectedMessage);
    }

    @Test
    void everyTestdataFileHasAnExpectation() throws IOException {
        TreeSet<String> listed = new TreeSet<>();
        for (Map<String, Object> test : testEntries()) {
            listed.add((String) test.get("inputPath"));
        }
        TreeSet<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(TESTDATA_DIR)) {
            files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .forEach(p -> present.add("testdata/" + p.getFileName()));
        }
        assertThat(listed).isEqualTo(present);
    }

    @Test
    void argoCdConfigMapSnippetEmbedsTheSameScript() throws IOException {
        Map<String, Object> configMap = YAML.readValue(ARGOCD_CM_PATCH.toFile(), MAP);
        assertThat(configMap).containsEntry("kind", "ConfigMap");
        assertThat(asMap(configMap.get("metadata"))).containsEntry("name", "argocd-cm");

        Map<String, Object> data = asMap(configMap.get("data"));
        assertThat(data).containsKey(CUSTOMIZATION_KEY);
        String embedded = (String) data.get(CUSTOMIZATION_KEY);

        assertThat(withoutTrailingNewlines(embedded))
                .as("the Lua in %s must equal %s; copy health.lua into the snippet again", ARGOCD_CM_PATCH, HEALTH_LUA)
                .isEqualTo(withoutTrailingNewlines(Files.readString(HEALTH_LUA)));
    }

    @Test
    void scriptAvoidsNewerLuaSyntax() throws IOException {
        // Lua 5.2+ only: goto and labels, integer division, bitwise operators, utf8 library.
        Pattern newer = Pattern.compile(
                "\\bgoto\\b|::|//|&|\\||<<|>>|~(?!=)|\\butf8\\.|\\btable\\.unpack\\b|\\bmath\\.type\\b");
        List<String> offending = new ArrayList<>();
        List<String> lines = Files.readAllLines(HEALTH_LUA);
        for (int i = 0; i < lines.size(); i++) {
            String code = codeOnly(lines.get(i));
            if (newer.matcher(code).find()) {
                offending.add((i + 1) + ": " + lines.get(i).trim());
            }
        }
        assertThat(offending)
                .as("constructs gopher-lua (Lua 5.1) does not support")
                .isEmpty();
    }

    @Test
    void scriptReadsTheOperatorsConditionTypesAndReasons() throws IOException {
        String lua = Files.readString(HEALTH_LUA);
        // current["Ready"], stale["Ready"]: the condition types the script reads
        Set<String> types = literals(lua, "(?:current|stale)\\[\"([^\"]+)\"\\]");
        assertThat(types)
                .as("condition types in %s", HEALTH_LUA)
                .isEqualTo(Arrays.stream(ConditionType.values())
                        .map(ConditionType::id)
                        .collect(Collectors.toSet()));
        // builder.reason == "Rewritten": the healthy builder news that leads the message
        Set<String> reasons = literals(lua, "\\.reason\\s*==\\s*\"([^\"]+)\"");
        assertThat(reasons)
                .as("reasons in %s: the BuilderSupported reasons that stay True and announce an Event", HEALTH_LUA)
                .isEqualTo(Arrays.stream(ConditionReason.values())
                        .filter(r -> r.type() == ConditionType.BUILDER_SUPPORTED && r.isTrue())
                        .filter(r -> EventReason.announcing(r).isPresent())
                        .map(ConditionReason::id)
                        .collect(Collectors.toSet()));
    }

    @Test
    void testdataConditionsUseTheOperatorsVocabulary() throws IOException {
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> files = Files.list(TESTDATA_DIR)) {
            for (Path file : files.sorted().toList()) {
                Map<String, Object> app = YAML.readValue(file.toFile(), MAP);
                Object status = app.get("status");
                Object conditions = status instanceof Map<?, ?> s ? s.get("conditions") : null;
                for (Object c : conditions instanceof List<?> list ? list : List.of()) {
                    Map<String, Object> condition = asMap(c);
                    Optional<ConditionReason> reason = ConditionReason.byId((String) condition.get("reason"));
                    boolean known = reason.isPresent()
                            && reason.get().type().id().equals(condition.get("type"))
                            && reason.get().status().id().equals(condition.get("status"));
                    if (!known) {
                        unknown.add(file.getFileName() + ": " + condition.get("type") + "=" + condition.get("status")
                                + "/" + condition.get("reason"));
                    }
                }
            }
        }
        assertThat(unknown)
                .as("conditions the operator never writes (type, status and reason must match Vocabulary)")
                .isEmpty();
    }

    private static Set<String> literals(String lua, String regex) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(lua);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<Map<String, Object>> testEntries() throws IOException {
        Map<String, Object> root = YAML.readValue(HEALTH_TEST_YAML.toFile(), MAP);
        Object tests = root.get("tests");
        assertThat(tests).as("%s must have a tests list", HEALTH_TEST_YAML).isInstanceOf(List.class);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Object test : (List<?>) tests) {
            entries.add(asMap(test));
        }
        return entries;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static String withoutTrailingNewlines(String text) {
        return text.replaceAll("\\n+\\z", "");
    }

    /** The line without string literals and without its comment; good enough for this script's style. */
    private static String codeOnly(String line) {
        String noStrings = line.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'", "\"\"");
        int comment = noStrings.indexOf("--");
        return comment >= 0 ? noStrings.substring(0, comment) : noStrings;
    }
}

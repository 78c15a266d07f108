package dev.pythonapp.operator.scan.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.pythonapp.operator.scan.Rule;
import dev.pythonapp.operator.scan.SourceSyntaxException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DockerfileLintTest {

    static List<DockerfileLint.Issue> lint(String text) throws SourceSyntaxException {
        return DockerfileLint.lint(DockerfileParser.parse(text), image -> image.contains("ubi9/python"))
                .issues();
    }

    static List<DockerfileLint.Issue> of(Rule rule, String text) throws SourceSyntaxException {
        return lint(text).stream().filter(i -> i.rule() == rule).toList();
    }

    /** Each row: a rule, a Dockerfile with one finding of it, the text the finding is reported at, and its fix. */
    static Stream<Arguments> findings() {
        return Stream.of(
                arguments(
                        Rule.PIP_COMMANDS_RUN_TOGETHER,
                        "FROM python:3.12\nRUN pip install pip --upgrade pip install -r requirements.txt\n",
                        "pip install -r",
                        "pip install pip --upgrade && pip install -r requirements.txt"),
                // python -m pip twice, over a continuation line: reported at the second command
                arguments(
                        Rule.PIP_COMMANDS_RUN_TOGETHER,
                        "FROM x\nRUN python3 -m pip install -U pip \\\n    python3 -m pip install flask\n",
                        "python3 -m pip install flask",
                        "python3 -m pip install -U pip && python3 -m pip install flask"),
                arguments(
                        Rule.PIP_NO_CACHE_DIR,
                        "FROM python:3.12\nRUN pip install -r requirements.txt\n",
                        "pip install",
                        "pip install --no-cache-dir -r requirements.txt"),
                arguments(
                        Rule.SOURCES_BEFORE_REQUIREMENTS,
                        "FROM python\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n",
                        "COPY",
                        "COPY requirements.txt ./ and RUN pip install -r requirements.txt before this COPY"),
                arguments(
                        Rule.SHELL_FORM_CMD,
                        "FROM a\nCMD gunicorn --bind 0.0.0.0:8080 app:app\n",
                        "CMD",
                        "CMD [\"gunicorn\", \"--bind\", \"0.0.0.0:8080\", \"app:app\"]"),
                arguments(
                        Rule.DNF_ASSUME_YES,
                        "FROM ubi\nRUN microdnf install gcc\n",
                        "microdnf",
                        "microdnf -y install gcc"),
                arguments(
                        Rule.DNF_CLEAN,
                        "FROM ubi\nRUN microdnf install gcc\n",
                        "microdnf",
                        "end this RUN with && microdnf clean all"),
                // cleaning in a later RUN leaves the cache in the layer of the install
                arguments(
                        Rule.DNF_CLEAN,
                        "FROM ubi\nRUN dnf install -y gcc\nRUN dnf clean all\n",
                        "dnf install",
                        "end this RUN with && dnf clean all"),
                // the final stage's last USER
                arguments(
                        Rule.LAST_USER_ROOT,
                        "FROM a AS build\nUSER 1001\nFROM b\nUSER 1001\nUSER root:root\n",
                        "USER root",
                        "end the final stage with USER 1001 (the sclorg images' user; any non-root UID works)"));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("findings")
    void aFindingIsReportedAtItsPlaceWithItsFix(Rule rule, String dockerfile, String at, String fix) throws Exception {
        assertThat(of(rule, dockerfile)).singleElement().satisfies(issue -> {
            assertThat(issue.offset()).isEqualTo(dockerfile.indexOf(at));
            assertThat(issue.fix()).isEqualTo(fix);
        });
    }

    /** Each row: a rule and a Dockerfile without a finding of it. */
    static Stream<Arguments> fine() {
        return Stream.of(
                // chained commands, and a requirements file named install
                arguments(
                        Rule.PIP_COMMANDS_RUN_TOGETHER,
                        "FROM x\nRUN pip install -U pip && pip install -r install\nRUN pip install a; pip install b\n"),
                // the option, ENV, ARG, an inline assignment, a cache mount or an sclorg base silence it
                arguments(Rule.PIP_NO_CACHE_DIR, "FROM python\nRUN pip install --no-cache-dir x\n"),
                arguments(Rule.PIP_NO_CACHE_DIR, "FROM python\nENV PIP_NO_CACHE_DIR=off\nRUN pip install x\n"),
                arguments(Rule.PIP_NO_CACHE_DIR, "FROM python\nARG PIP_NO_CACHE_DIR=1\nRUN pip install x\n"),
                arguments(Rule.PIP_NO_CACHE_DIR, "FROM python\nRUN PIP_NO_CACHE_DIR=1 pip install x\n"),
                arguments(
                        Rule.PIP_NO_CACHE_DIR,
                        "FROM python\nRUN --mount=type=cache,target=/root/.cache/pip pip install x\n"),
                arguments(
                        Rule.PIP_NO_CACHE_DIR, "FROM registry.access.redhat.com/ubi9/python-312\nRUN pip install x\n"),
                // a stage inherits the setting of the stage it is built from
                arguments(
                        Rule.PIP_NO_CACHE_DIR,
                        "FROM python AS base\nENV PIP_NO_CACHE_DIR=off\nFROM base\nRUN pip install x\n"),
                // requirements copied first, by name or glob
                arguments(
                        Rule.SOURCES_BEFORE_REQUIREMENTS,
                        "FROM python\nCOPY requirements.txt ./\nCOPY . .\nRUN pip install -r requirements.txt\n"),
                arguments(
                        Rule.SOURCES_BEFORE_REQUIREMENTS,
                        "FROM python\nCOPY requirements*.txt ./\nADD . /src\nRUN pip install -r /src/requirements.txt\n"),
                // only the final stage's last USER counts
                arguments(Rule.LAST_USER_ROOT, "FROM a\nUSER 0\nFROM b\nUSER 1001\n"),
                arguments(Rule.SHELL_FORM_CMD, "FROM a\nENTRYPOINT [\"python\"]\nCMD [\"app.py\"]\n"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("fine")
    void noFinding(Rule rule, String dockerfile) throws Exception {
        assertThat(of(rule, dockerfile)).isEmpty();
    }

    @Test
    void pipCommandsRunTogetherSaysWhatPipMakesOfTheSecondCommand() throws Exception {
        String text = "FROM python:3.12\nRUN pip install pip --upgrade pip install -r requirements.txt\n";
        assertThat(of(Rule.PIP_COMMANDS_RUN_TOGETHER, text))
                .singleElement()
                .extracting(DockerfileLint.Issue::message)
                .asString()
                .contains("`pip install` gets `install` as a package name");
    }

    @Test
    void pipCommandsRunTogetherInAHeredocScript() throws Exception {
        String text = "FROM x\nRUN <<EOF\npip install pip install flask\nEOF\n";
        assertThat(of(Rule.PIP_COMMANDS_RUN_TOGETHER, text))
                .extracting(DockerfileLint.Issue::offset)
                .containsExactly(text.lastIndexOf("install flask") - "pip ".length());
    }

    @Nested
    class Dnf {
        @Test
        void installWithoutYesAndWithoutCleaningIsTwoFindings() throws Exception {
            assertThat(lint("FROM ubi\nRUN microdnf install gcc\n"))
                    .extracting(DockerfileLint.Issue::rule)
                    .containsExactly(Rule.DNF_ASSUME_YES, Rule.DNF_CLEAN);
        }

        @Test
        void yesInAnySpellingAndCleaningInTheSameRunAreFine() throws Exception {
            assertThat(lint("FROM ubi\nRUN dnf -yq install gcc && dnf clean all\n"))
                    .isEmpty();
            assertThat(lint("FROM ubi\nRUN yum --assumeyes install gcc && rm -rf /var/cache/yum\n"))
                    .isEmpty();
        }
    }

    @Nested
    class BaseImages {
        @Test
        void everyStageBaseWithArgsSubstitutedAndStageReferencesLeftOut() throws Exception {
            String text = "ARG V=3.8\nFROM python:${V}-slim AS build\nFROM build AS test\nFROM scratch\n"
                    + "FROM --platform=linux/arm64 registry.access.redhat.com/ubi8/python-38\n";
            var bases = DockerfileLint.lint(DockerfileParser.parse(text), i -> false)
                    .baseImages();
            assertThat(bases)
                    .extracting(DockerfileLint.BaseImage::reference)
                    .containsExactly("python:3.8-slim", "registry.access.redhat.com/ubi8/python-38");
            assertThat(bases).extracting(DockerfileLint.BaseImage::literal).containsExactly(false, true);
            assertThat(bases.get(1).offset()).isEqualTo(text.indexOf("registry.access"));
        }
    }
}

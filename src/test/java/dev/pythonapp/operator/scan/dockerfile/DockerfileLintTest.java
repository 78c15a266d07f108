package dev.pythonapp.operator.scan.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.scan.Rule;
import dev.pythonapp.operator.scan.SourceSyntaxException;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DockerfileLintTest {

    static List<DockerfileLint.Issue> lint(String text) throws SourceSyntaxException {
        return DockerfileLint.lint(DockerfileParser.parse(text), image -> image.contains("ubi9/python"))
                .issues();
    }

    static List<DockerfileLint.Issue> of(Rule rule, String text) throws SourceSyntaxException {
        return lint(text).stream().filter(i -> i.rule() == rule).toList();
    }

    @Nested
    class PipCommandsRunTogether {
        @Test
        void theClassicBrokenLineIsFoundAtTheSecondCommandWithItsFix() throws Exception {
            String text = "FROM python:3.12\nRUN pip install pip --upgrade pip install -r requirements.txt\n";
            var issues = of(Rule.PIP_COMMANDS_RUN_TOGETHER, text);
            assertThat(issues).hasSize(1);
            assertThat(issues.get(0).offset()).isEqualTo(text.indexOf("pip install -r"));
            assertThat(issues.get(0).fix()).isEqualTo("pip install pip --upgrade && pip install -r requirements.txt");
            assertThat(issues.get(0).message()).contains("`pip install` gets `install` as a package name");
        }

        @Test
        void pythonDashMPipTwiceAndContinuationLines() throws Exception {
            String text = "FROM x\nRUN python3 -m pip install -U pip \\\n    python3 -m pip install flask\n";
            var issues = of(Rule.PIP_COMMANDS_RUN_TOGETHER, text);
            assertThat(issues).hasSize(1);
            assertThat(issues.get(0).offset()).isEqualTo(text.lastIndexOf("python3"));
            assertThat(issues.get(0).fix()).isEqualTo("python3 -m pip install -U pip && python3 -m pip install flask");
        }

        @Test
        void chainedCommandsAndARequirementsFileNamedInstallAreFine() throws Exception {
            assertThat(
                            of(
                                    Rule.PIP_COMMANDS_RUN_TOGETHER,
                                    "FROM x\nRUN pip install -U pip && pip install -r install\nRUN pip install a; pip install b\n"))
                    .isEmpty();
        }

        @Test
        void foundInAHeredocScript() throws Exception {
            String text = "FROM x\nRUN <<EOF\npip install pip install flask\nEOF\n";
            assertThat(of(Rule.PIP_COMMANDS_RUN_TOGETHER, text))
                    .extracting(DockerfileLint.Issue::offset)
                    .containsExactly(text.lastIndexOf("install flask") - "pip ".length());
        }
    }

    @Nested
    class PipNoCacheDir {
        @Test
        void pipInstallWithoutTheOptionIsReportedWithTheFixedCommand() throws Exception {
            var issues = of(Rule.PIP_NO_CACHE_DIR, "FROM python:3.12\nRUN pip install -r requirements.txt\n");
            assertThat(issues).hasSize(1);
            assertThat(issues.get(0).fix()).isEqualTo("pip install --no-cache-dir -r requirements.txt");
        }

        @Test
        void optionEnvArgInlineAssignmentCacheMountOrAnSclorgBaseSilenceIt() throws Exception {
            assertThat(of(Rule.PIP_NO_CACHE_DIR, "FROM python\nRUN pip install --no-cache-dir x\n"))
                    .isEmpty();
            assertThat(of(Rule.PIP_NO_CACHE_DIR, "FROM python\nENV PIP_NO_CACHE_DIR=off\nRUN pip install x\n"))
                    .isEmpty();
            assertThat(of(Rule.PIP_NO_CACHE_DIR, "FROM python\nARG PIP_NO_CACHE_DIR=1\nRUN pip install x\n"))
                    .isEmpty();
            assertThat(of(Rule.PIP_NO_CACHE_DIR, "FROM python\nRUN PIP_NO_CACHE_DIR=1 pip install x\n"))
                    .isEmpty();
            assertThat(of(
                            Rule.PIP_NO_CACHE_DIR,
                            "FROM python\nRUN --mount=type=cache,target=/root/.cache/pip pip install x\n"))
                    .isEmpty();
            assertThat(of(
                            Rule.PIP_NO_CACHE_DIR,
                            "FROM registry.access.redhat.com/ubi9/python-312\nRUN pip install x\n"))
                    .isEmpty();
        }

        @Test
        void aStageInheritsTheSettingOfTheStageItIsBuiltFrom() throws Exception {
            assertThat(of(
                            Rule.PIP_NO_CACHE_DIR,
                            "FROM python AS base\nENV PIP_NO_CACHE_DIR=off\nFROM base\nRUN pip install x\n"))
                    .isEmpty();
        }
    }

    @Nested
    class SourcesBeforeRequirements {
        @Test
        void copyingEverythingBeforeInstallingTheRequirementsIsReportedAtTheCopy() throws Exception {
            String text = "FROM python\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n";
            var issues = of(Rule.SOURCES_BEFORE_REQUIREMENTS, text);
            assertThat(issues).extracting(DockerfileLint.Issue::offset).containsExactly(text.indexOf("COPY"));
            assertThat(issues.get(0).fix())
                    .isEqualTo("COPY requirements.txt ./ and RUN pip install -r requirements.txt before this COPY");
        }

        @Test
        void requirementsCopiedFirstByNameOrGlobAreFine() throws Exception {
            assertThat(of(
                            Rule.SOURCES_BEFORE_REQUIREMENTS,
                            "FROM python\nCOPY requirements.txt ./\nCOPY . .\nRUN pip install -r requirements.txt\n"))
                    .isEmpty();
            assertThat(
                            of(
                                    Rule.SOURCES_BEFORE_REQUIREMENTS,
                                    "FROM python\nCOPY requirements*.txt ./\nADD . /src\nRUN pip install -r /src/requirements.txt\n"))
                    .isEmpty();
        }
    }

    @Nested
    class LastUserRoot {
        @Test
        void theFinalStagesLastUserCounts() throws Exception {
            String text = "FROM a AS build\nUSER 1001\nFROM b\nUSER 1001\nUSER root:root\n";
            assertThat(of(Rule.LAST_USER_ROOT, text))
                    .extracting(DockerfileLint.Issue::offset)
                    .containsExactly(text.indexOf("USER root"));
            assertThat(of(Rule.LAST_USER_ROOT, "FROM a\nUSER 0\nFROM b\nUSER 1001\n"))
                    .isEmpty();
        }
    }

    @Nested
    class ShellFormCmd {
        @Test
        void shellFormIsReportedWithTheExecFormAsFix() throws Exception {
            var issues = of(Rule.SHELL_FORM_CMD, "FROM a\nCMD gunicorn --bind 0.0.0.0:8080 app:app\n");
            assertThat(issues).hasSize(1);
            assertThat(issues.get(0).fix()).isEqualTo("CMD [\"gunicorn\", \"--bind\", \"0.0.0.0:8080\", \"app:app\"]");
            assertThat(of(Rule.SHELL_FORM_CMD, "FROM a\nENTRYPOINT [\"python\"]\nCMD [\"app.py\"]\n"))
                    .isEmpty();
        }
    }

    @Nested
    class Dnf {
        @Test
        void installWithoutYesAndWithoutCleaning() throws Exception {
            String text = "FROM ubi\nRUN microdnf install gcc\n";
            assertThat(lint(text))
                    .extracting(DockerfileLint.Issue::rule)
                    .containsExactly(Rule.DNF_ASSUME_YES, Rule.DNF_CLEAN);
            assertThat(of(Rule.DNF_ASSUME_YES, text).get(0).fix()).isEqualTo("microdnf -y install gcc");
            assertThat(of(Rule.DNF_CLEAN, text).get(0).fix()).isEqualTo("end this RUN with && microdnf clean all");
        }

        @Test
        void yesInAnySpellingAndCleaningInTheSameRunAreFine() throws Exception {
            assertThat(lint("FROM ubi\nRUN dnf -yq install gcc && dnf clean all\n"))
                    .isEmpty();
            assertThat(lint("FROM ubi\nRUN yum --assumeyes install gcc && rm -rf /var/cache/yum\n"))
                    .isEmpty();
            assertThat(of(Rule.DNF_CLEAN, "FROM ubi\nRUN dnf install -y gcc\nRUN dnf clean all\n"))
                    .hasSize(1);
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

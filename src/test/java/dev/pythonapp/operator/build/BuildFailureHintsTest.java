package dev.pythonapp.operator.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BuildFailureHintsTest {
    private static final BuildFailureHints HINTS = BuildFailureHints.builtIn();

    private static String idFor(String reason, String log) {
        return HINTS.find(reason, log).map(Hint::patternId).orElse("(none)");
    }

    private static Map<String, String> capturedFor(String log) {
        return HINTS.find(null, log).map(Hint::captured).orElseThrow();
    }

    private static int indexOf(String id) {
        return HINTS.patterns().stream().map(FailurePattern::id).toList().indexOf(id);
    }

    @Nested
    class TheDataFile {
        @Test
        void isValidAndEveryEntryNamesItsSourceAndHint() {
            assertThat(HINTS.patterns()).hasSizeGreaterThanOrEqualTo(6);
            assertThat(HINTS.patterns()).allSatisfy(p -> {
                assertThat(p.source()).as(p.id()).isNotBlank();
                assertThat(p.hint()).as(p.id()).isNotBlank().doesNotEndWith(".");
                assertThat(p.reasons().isEmpty() && p.log().isEmpty())
                        .as(p.id())
                        .isFalse();
            });
            assertThat(HINTS.patterns().stream().map(FailurePattern::id).distinct())
                    .hasSameSizeAs(HINTS.patterns());
        }

        @Test
        void hasTheKnownCausesWithTheSpecificBeforeTheGeneral() {
            assertThat(HINTS.patterns())
                    .extracting(FailurePattern::id)
                    .contains(
                            "compiler-missing",
                            "no-matching-distribution",
                            "pip-command-word",
                            "source-access",
                            "out-of-memory",
                            "builder-image-pull");
            assertThat(indexOf("pip-command-word")).isLessThan(indexOf("no-matching-distribution"));
            assertThat(indexOf("source-unreachable")).isLessThan(indexOf("source-access"));
        }

        @Test
        void isReadOnce() {
            assertThat(BuildFailureHints.builtIn()).isSameAs(HINTS);
        }

        /** find() returns the first match, so each example proves its entry matches and no earlier one does. */
        @Test
        void everyExampleIsExplainedByItsOwnEntryAndNoEarlierOne() {
            assertThat(HINTS.patterns()).allSatisfy(p -> {
                FailurePattern.Example example = p.example();
                assertThat(idFor(example.reason(), example.log()))
                        .as("example of %s", p.id())
                        .isEqualTo(p.id());
                if (!p.log().isEmpty()) {
                    assertThat(idFor(null, example.log()))
                            .as("example log of %s without its reason", p.id())
                            .isEqualTo(p.id());
                }
            });
        }

        @Test
        void everyReasonAloneLeadsToItsOwnEntry() {
            assertThat(HINTS.patterns())
                    .allSatisfy(p -> assertThat(p.reasons())
                            .allSatisfy(reason ->
                                    assertThat(idFor(reason, null)).as(reason).isEqualTo(p.id())));
        }

        @Test
        void broadReasonsAloneExplainNothing() {
            assertThat(HINTS.find("DockerBuildFailed", null)).isEmpty();
            assertThat(HINTS.find("GenericBuildFailed", "")).isEmpty();
            assertThat(HINTS.find(null, null)).isEmpty();
        }
    }

    @Nested
    class CompilerMissing {
        @Test
        void setuptoolsCannotStartGcc() {
            String log = """
                    Building wheels for collected packages: psutil
                      Building wheel for psutil (pyproject.toml): started
                      Building wheel for psutil (pyproject.toml): finished with status 'error'
                      error: subprocess-exited-with-error
                      × Building wheel for psutil (pyproject.toml) did not run successfully.
                      │ exit code: 1
                      ╰─> [40 lines of output]
                          building 'psutil._psutil_linux' extension
                          creating build/temp.linux-x86_64-cpython-312/psutil
                          gcc -fno-strict-overflow -Wsign-compare -DNDEBUG -O2 -fPIC -DPSUTIL_POSIX=1 -I/usr/include/python3.12 -c psutil/_psutil_common.c -o build/temp.linux-x86_64-cpython-312/psutil/_psutil_common.o
                          error: command '/usr/bin/gcc' failed: No such file or directory
                          [end of output]
                      ERROR: Failed building wheel for psutil
                    ERROR: Could not build wheels for psutil, which is required to install pyproject.toml-based projects
                    """;
            assertThat(idFor("DockerBuildFailed", log)).isEqualTo("compiler-missing");
        }

        @Test
        void python39DistutilsCannotExecuteGcc() {
            String log = """
                      Running setup.py install for MarkupSafe: started
                        building 'markupsafe._speedups' extension
                        gcc -pthread -Wno-unused-result -Wsign-compare -DNDEBUG -O2 -fPIC -I/opt/app-root/include -I/usr/include/python3.9 -c src/markupsafe/_speedups.c -o build/temp.linux-x86_64-3.9/src/markupsafe/_speedups.o
                        unable to execute 'gcc': No such file or directory
                        error: command 'gcc' failed with exit status 1
                      Running setup.py install for MarkupSafe: finished with status 'error'
                    """;
            assertThat(idFor("DockerBuildFailed", log)).isEqualTo("compiler-missing");
        }

        @Test
        void headersMissing() {
            String log = """
                        gcc -pthread -fPIC -I/opt/app-root/include -I/usr/include/python3.12 -c Levenshtein/_levenshtein.c -o build/temp.linux-x86_64-cpython-312/Levenshtein/_levenshtein.o
                        Levenshtein/_levenshtein.c:99:10: fatal error: Python.h: No such file or directory
                           99 | #include <Python.h>
                              |          ^~~~~~~~~~
                        compilation terminated.
                        error: command '/usr/bin/gcc' failed with exit code 1
                        [end of output]
                      ERROR: Failed building wheel for python-Levenshtein
                    """;
            assertThat(idFor("DockerBuildFailed", log)).isEqualTo("compiler-missing");
        }

        @Test
        void shellFindsNoGcc() {
            String log = """
                      Building wheel for uWSGI (setup.py): finished with status 'error'
                        using profile: buildconf/default.ini
                        detected include path: []
                        sh: line 1: gcc: command not found
                        Exception: you need a C compiler to build uWSGI
                        [end of output]
                      ERROR: Failed building wheel for uWSGI
                    """;
            assertThat(idFor("DockerBuildFailed", log)).isEqualTo("compiler-missing");
        }

        @Test
        void aWheelFailingForAnotherCauseIsNotBlamedOnTheCompiler() {
            String log = """
                          error: can't find Rust compiler
                          [end of output]
                      ERROR: Failed building wheel for cryptography
                    """;
            assertThat(HINTS.find("DockerBuildFailed", log)).isEmpty();
        }
    }

    @Nested
    class NoMatchingDistribution {
        private static final String DJANGO_ON_39 = """
                ---> Installing dependencies ...
                ERROR: Ignored the following versions that require a different python version: 5.0 Requires-Python >=3.10; 5.1 Requires-Python >=3.10
                ERROR: Could not find a version that satisfies the requirement Django==5.1 (from versions: 1.1.3, 4.2.17)
                ERROR: No matching distribution found for Django==5.1
                """;

        @Test
        void namesTheRequirement() {
            assertThat(idFor("DockerBuildFailed", DJANGO_ON_39)).isEqualTo("no-matching-distribution");
            assertThat(capturedFor(DJANGO_ON_39)).containsEntry("requirement", "Django==5.1");
            assertThat(HINTS.find(null, DJANGO_ON_39).orElseThrow().text("img", null))
                    .startsWith("pip found no release of Django==5.1 for this Python")
                    .contains("PIP_INDEX_URL");
        }

        @Test
        void pipCommandWordsBeatTheGenericEntry() {
            String log = """
                    Requirement already satisfied: pip in /opt/app-root/lib64/python3.12/site-packages (23.2.1)
                    ERROR: Could not find a version that satisfies the requirement install (from versions: none)
                    ERROR: No matching distribution found for install
                    """;
            FailurePattern generic = HINTS.patterns().get(indexOf("no-matching-distribution"));
            assertThat(generic.match(null, log))
                    .as("the generic entry matches too")
                    .isPresent();

            Hint hint = HINTS.find("DockerBuildFailed", log).orElseThrow();
            assertThat(hint.patternId()).isEqualTo("pip-command-word");
            assertThat(hint.text("img", null))
                    .startsWith("pip was asked for a package named install")
                    .contains("pip install --upgrade pip && pip install -r requirements.txt");
        }

        @Test
        void otherCommandWords() {
            assertThat(capturedFor("ERROR: No matching distribution found for -r\n"))
                    .containsEntry("word", "-r");
            assertThat(capturedFor("ERROR: No matching distribution found for python3"))
                    .containsEntry("word", "python3");
            assertThat(capturedFor("ERROR: No matching distribution found for uninstall\r\n"))
                    .containsEntry("word", "uninstall");
        }

        @Test
        void packagesThatOnlyStartLikeCommandWordsAreRequirements() {
            assertThat(idFor(null, "ERROR: No matching distribution found for python-dateutil==9.9"))
                    .isEqualTo("no-matching-distribution");
            assertThat(idFor(null, "ERROR: No matching distribution found for installer==99"))
                    .isEqualTo("no-matching-distribution");
            // a mirror without pip, under UPGRADE_PIP_TO_LATEST: pip is a real package
            assertThat(idFor(null, "ERROR: No matching distribution found for pip"))
                    .isEqualTo("no-matching-distribution");
        }

        @Test
        void anUnreachableIndexIsNotAMissingRelease() {
            String log = """
                    WARNING: Retrying (Retry(total=1, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ConnectTimeoutError(<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f5e1b2c3d90>, 'Connection to pypi.org timed out. (connect timeout=15)')': /simple/requests/
                    WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ConnectTimeoutError(<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f5e1b2c4f10>, 'Connection to pypi.org timed out. (connect timeout=15)')': /simple/requests/
                    ERROR: Could not find a version that satisfies the requirement requests==2.32.3 (from versions: none)
                    ERROR: No matching distribution found for requests==2.32.3
                    """;
            assertThat(idFor("DockerBuildFailed", log)).isEqualTo("pip-index-unreachable");
        }

        @Test
        void theAppRequiresANewerPython() {
            String log = "ERROR: Package 'shop' requires a different Python: 3.9.21 not in '>=3.11'\n";
            Hint hint = HINTS.find(null, log).orElseThrow();
            assertThat(hint.patternId()).isEqualTo("python-version-required");
            assertThat(hint.text("img", null))
                    .startsWith(
                            "shop requires Python >=3.11 but the builder runs Python 3.9.21: set spec.pythonVersion");
        }
    }

    @Nested
    class SourceFetch {
        @Test
        void httpsWithoutCredentials() {
            String log = """
                    Cloning "https://github.com/acme/payroll.git" ...
                    error: fatal: could not read Username for 'https://github.com': No such device or address
                    """;
            assertThat(idFor("FetchSourceFailed", log)).isEqualTo("source-access");
            assertThat(idFor(null, log)).isEqualTo("source-access");
        }

        @Test
        void sshKeyNotAccepted() {
            String log = """
                    Cloning "git@github.com:acme/payroll.git" ...
                    error: Warning: Permanently added 'github.com' (ED25519) to the list of known hosts.
                    git@github.com: Permission denied (publickey).
                    fatal: Could not read from remote repository.

                    Please make sure you have the correct access rights
                    and the repository exists.
                    """;
            assertThat(idFor(null, log)).isEqualTo("source-access");
        }

        @Test
        void wrongTokenOrNoAccess() {
            assertThat(idFor(null, """
                    remote: Repository not found.
                    fatal: repository 'https://github.com/acme/payroll.git/' not found
                    """)).isEqualTo("source-access");
            assertThat(idFor(null, """
                    remote: Invalid username or token. Password authentication is not supported for Git operations.
                    fatal: Authentication failed for 'https://github.com/acme/payroll.git/'
                    """)).isEqualTo("source-access");
        }

        @Test
        void theReasonAloneIsEnough() {
            Hint hint = HINTS.find("FetchSourceFailed", null).orElseThrow();
            assertThat(hint.text("img", null)).contains("spec.source.secretRef", "basic-auth", "ssh-auth");
        }

        @Test
        void anUnknownHostIsNotAnAuthenticationProblem() {
            String log = """
                    Cloning "git@git.internal.example.com:team/shop.git" ...
                    error: ssh: Could not resolve hostname git.internal.example.com: Name or service not known
                    fatal: Could not read from remote repository.
                    """;
            assertThat(idFor("FetchSourceFailed", log)).isEqualTo("source-unreachable");
        }
    }

    @Nested
    class OutOfMemory {
        @Test
        void thePodWasOomKilled() {
            assertThat(idFor("OutOfMemoryKilled", "---> Installing dependencies ...\n"))
                    .isEqualTo("out-of-memory");
        }

        @Test
        void theCompilerWasKilled() {
            String log = """
                          g++ -pthread -fPIC -O2 -I/usr/include/python3.12 -c src/kernels.cpp -o build/temp.linux-x86_64-cpython-312/src/kernels.o -std=c++17
                          g++: fatal error: Killed signal terminated program cc1plus
                          compilation terminated.
                          error: command '/usr/bin/g++' failed with exit code 1
                    """;
            assertThat(idFor("DockerBuildFailed", log)).isEqualTo("out-of-memory");
        }

        @Test
        void pythonRanOutOfMemory() {
            String log = """
                    ---> Collecting Django static files ...
                    Traceback (most recent call last):
                      File "/opt/app-root/src/manage.py", line 22, in <module>
                        main()
                      File "/opt/app-root/src/shop/assets.py", line 41, in compress
                        data = bytearray(size)
                    MemoryError
                    """;
            assertThat(idFor("DockerBuildFailed", log)).isEqualTo("out-of-memory");
        }
    }

    @Nested
    class BuilderImagePull {
        @Test
        void dockerPullAccessDenied() {
            String log = """
                    Pulling image docker.io/centos/python-36-centos7:latest ...
                    error: build error: failed to pull image: pull access denied for centos/python-36-centos7, repository does not exist or may require 'docker login'
                    """;
            assertThat(idFor(null, log)).isEqualTo("builder-image-pull");
        }

        @Test
        void namesTheImageAndItsLifecycle() {
            Hint hint = HINTS.find("PullBuilderImageFailed", null).orElseThrow();
            assertThat(hint.text("registry.access.redhat.com/ubi8/python-39", "which is end of life since 2025-11-30"))
                    .startsWith("could not pull the builder image registry.access.redhat.com/ubi8/python-39, "
                            + "which is end of life since 2025-11-30: if it was removed");
            assertThat(hint.text("registry.access.redhat.com/ubi9/python-312", ""))
                    .startsWith("could not pull the builder image registry.access.redhat.com/ubi9/python-312: ");
            assertThat(hint.text(null, null)).startsWith("could not pull the builder image (unknown): ");
        }
    }

    @Nested
    class Validation {
        private static final String VALID = """
                - id: one
                  source: pip
                  log: ['No matching distribution found for (?<requirement>\\S+)']
                  hint: no release of {requirement}
                  example: {log: 'No matching distribution found for x'}
                """;

        private static InvalidFailureHintsException problemsOf(String yaml) {
            return catchThrowableOfType(InvalidFailureHintsException.class, () -> BuildFailureHints.parse(yaml));
        }

        @Test
        void aValidDocumentParses() {
            BuildFailureHints hints = BuildFailureHints.parse(VALID);
            assertThat(hints.find(null, "No matching distribution found for x").map(h -> h.text("i", null)))
                    .isEqualTo(Optional.of("no release of x"));
        }

        @Test
        void duplicateIds() {
            assertThat(problemsOf(VALID + VALID).problems()).containsExactly("entry one: duplicate id");
        }

        @Test
        void aRegexThatDoesNotCompileIsNamedWithItsEntry() {
            var e = problemsOf("""
                    - id: broken
                      source: s
                      log: ['ok', 'Killed (pip']
                      hint: h
                      example: {log: x}
                    """);
            assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith("entry broken: log regex 2 does not compile");
            assertThat(e).hasMessageStartingWith("invalid build failure hints in the given document: entry broken");
        }

        @Test
        void requiredFields() {
            var e = problemsOf("""
                    - id: bare
                    - source: s
                      reasons: [X]
                      hint: h
                      example: {reason: X}
                    """);
            assertThat(e.problems())
                    .containsExactly(
                            "entry bare: source is required (where the matched texts come from)",
                            "entry bare: hint is required",
                            "entry bare: needs reasons, log regexes, or both",
                            "entry bare: example with a reason or a log is required",
                            "entry #2: id is required");
        }

        @Test
        void placeholdersNeedAGroupInEveryRegexAndNoReasons() {
            var e = problemsOf("""
                    - id: capture
                      source: s
                      reasons: [FetchSourceFailed]
                      log: ['for (?<requirement>\\S+)', 'other']
                      hint: 'no {requirement} in {builderImage}'
                      example: {reason: FetchSourceFailed}
                    """);
            assertThat(e.problems())
                    .containsExactly(
                            "entry capture: hint placeholder {requirement} needs a log capture, but a reason match"
                                    + " captures nothing; drop the reasons or the placeholder",
                            "entry capture: log regex 2 does not define the group (?<requirement>...) that hint"
                                    + " placeholder {requirement} needs");
        }

        @Test
        void unknownKeysAndOtherShapes() {
            assertThat(problemsOf(VALID.replace("hint:", "hints:")).problems())
                    .singleElement()
                    .asString()
                    .startsWith("not a list of entries: Unrecognized field \"hints\"");
            assertThat(problemsOf("").problems()).containsExactly("the document has no entries");
            assertThat(problemsOf("[]").problems()).containsExactly("the document has no entries");
        }

        @Test
        void idsAreKebabCase() {
            assertThat(problemsOf(VALID.replace("id: one", "id: One Two")).problems())
                    .containsExactly("entry One Two: id must be kebab-case (a-z, 0-9, -)");
        }

        @Test
        void entriesAreTriedInOrder() {
            BuildFailureHints hints = BuildFailureHints.parse("""
                    - id: specific
                      source: s
                      log: ['found for install$']
                      hint: specific
                      example: {log: 'found for install'}
                    - id: general
                      source: s
                      log: ['found for']
                      hint: general
                      example: {log: 'found for x'}
                    """);
            assertThat(hints.find(null, "found for install").map(Hint::patternId))
                    .contains("specific");
            assertThat(hints.find(null, "found for x").map(Hint::patternId)).contains("general");
            assertThat(hints.patterns()).extracting(FailurePattern::id).isEqualTo(List.of("specific", "general"));
        }
    }
}

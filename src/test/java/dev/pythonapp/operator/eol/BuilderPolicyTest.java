package dev.pythonapp.operator.eol;

import static dev.pythonapp.operator.testing.Fixtures.CATALOG_DAY;
import static dev.pythonapp.operator.testing.Fixtures.app;
import static dev.pythonapp.operator.testing.Fixtures.decide;
import static dev.pythonapp.operator.testing.Fixtures.image;
import static dev.pythonapp.operator.testing.Fixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.api.BuilderSpec;
import dev.pythonapp.operator.api.EolPolicy;
import dev.pythonapp.operator.api.PythonAppSpec;
import dev.pythonapp.operator.catalog.BuilderImage;
import dev.pythonapp.operator.eol.BuilderDecision.Action;
import dev.pythonapp.operator.testing.Fixtures;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuilderPolicyTest {

    private static PythonAppSpec python38OnUbi8() {
        return app("legacy").pythonVersion("3.8").os(BuilderSpec.Os.UBI8).spec();
    }

    @Nested
    class EndOfLifeBuilder {
        /**
         * Python 3.8 on ubi8 (end of life on 2023-05-31) under each policy. Each row: the policy, the image it builds
         * with, the action, whether BuilderSupported is True, its reason, the runtime version label and the message.
         */
        @ParameterizedTest(name = "{0}: {2} with {1}")
        @CsvSource(delimiter = '|', textBlock = """
            Rewrite | ubi8/python-312 | BUILD_SUCCESSOR | true  | Rewritten | 3.12 | builder ubi8/python-38 reached end of life on 2023-05-31 (vendor basis, vendor date); building with successor ubi8/python-312 (registry.access.redhat.com/ubi8/python-312:latest) under policy Rewrite. Set spec.pythonVersion to 3.12 to make this explicit
            Warn    | ubi8/python-38  | BUILD           | false | EndOfLife | 3.8  | builder ubi8/python-38 reached end of life on 2023-05-31 (vendor basis, vendor date); still building with it under policy Warn; successor: ubi8/python-312 (set spec.pythonVersion to 3.12)
            Block   | ubi8/python-38  | PAUSE           | false | EndOfLife | 3.8  | builder ubi8/python-38 reached end of life on 2023-05-31 (vendor basis, vendor date); new builds are blocked (BuildConfig paused) under policy Block, the running Deployment is left alone; successor: ubi8/python-312 (set spec.pythonVersion to 3.12)
            """)
        void anEndOfLifeBuilderUnderEachPolicy(
                EolPolicy policy,
                String builtWith,
                Action action,
                boolean supported,
                String reason,
                String runtimeVersion,
                String message) {
            BuilderDecision d = decide(policy(policy), python38OnUbi8(), CATALOG_DAY);

            assertThat(d.requested().reference()).isEqualTo("registry.access.redhat.com/ubi8/python-38:latest");
            assertThat(d.requested().image()).map(BuilderImage::name).contains("ubi8/python-38");
            assertThat(d.effective().reference()).isEqualTo("registry.access.redhat.com/" + builtWith + ":latest");
            assertThat(d.effective().image()).map(BuilderImage::name).contains(builtWith);
            assertThat(d.successor()).map(BuilderImage::name).contains("ubi8/python-312");
            assertThat(d.state()).isEqualTo(LifecycleState.END_OF_LIFE);
            assertThat(d.eolDate()).contains(LocalDate.of(2023, 5, 31));
            assertThat(d.lifecycle().basis()).isEqualTo(EolBasis.VENDOR);
            assertThat(d.policy()).isEqualTo(policy);
            assertThat(d.action()).isEqualTo(action);
            assertThat(d.supported()).isEqualTo(supported);
            assertThat(d.reason().id()).isEqualTo(reason);
            assertThat(d.runtimeVersion("3.8")).isEqualTo(runtimeVersion);
            assertThat(d.message()).isEqualTo(message);
        }

        @Test
        void theSpecPolicyWinsOverTheDefault() {
            PythonAppSpec spec = app("legacy")
                    .pythonVersion("3.8")
                    .os(BuilderSpec.Os.UBI8)
                    .eolPolicy(EolPolicy.Block)
                    .spec();
            BuilderDecision d = decide(policy(EolPolicy.Rewrite), spec, CATALOG_DAY);
            assertThat(d.policy()).isEqualTo(EolPolicy.Block);
            assertThat(d.action()).isEqualTo(Action.PAUSE);

            PythonAppSpec rewrite = app("legacy")
                    .pythonVersion("3.8")
                    .os(BuilderSpec.Os.UBI8)
                    .eolPolicy(EolPolicy.Rewrite)
                    .spec();
            assertThat(decide(policy(EolPolicy.Block), rewrite, CATALOG_DAY).action())
                    .isEqualTo(Action.BUILD_SUCCESSOR);
        }

        @Test
        void theDefaultOsOf38IsUbi8EvenThoughItIsEndOfLife() {
            BuilderDecision d = decide(app("legacy").pythonVersion("3.8").spec(), CATALOG_DAY);
            assertThat(d.requested().image()).map(BuilderImage::name).contains("ubi8/python-38");
            assertThat(d.effective().image()).map(BuilderImage::name).contains("ubi8/python-312");
        }

        @Test
        void rewriteWithoutASupportedSuccessorKeepsTheBuilder() {
            PythonAppSpec spec =
                    app("f").pythonVersion("3.14").os(BuilderSpec.Os.FEDORA).spec();
            BuilderDecision d = decide(policy(EolPolicy.Rewrite), spec, LocalDate.of(2026, 12, 9));
            assertThat(d.effective().reference()).isEqualTo("quay.io/fedora/python-314:latest");
            assertThat(d.action()).isEqualTo(Action.BUILD);
            assertThat(d.supported()).isFalse();
            assertThat(d.successor()).isEmpty();
            assertThat(d.reason().id()).isEqualTo("EndOfLife");
            assertThat(d.message())
                    .isEqualTo(
                            "builder fedora/python-314 reached end of life on 2026-12-09 (vendor basis, "
                                    + "vendor date); still building with it under policy Rewrite; no supported successor in the catalog");
        }
    }

    @Nested
    class SupportedBuilder {
        @Test
        void python312DefaultsToUbi9AndIsSupported() {
            BuilderDecision d = decide(app("a").pythonVersion("3.12").spec(), CATALOG_DAY);
            assertThat(d.effective().reference()).isEqualTo("registry.access.redhat.com/ubi9/python-312:latest");
            assertThat(d.requested().reference()).isEqualTo(d.effective().reference());
            assertThat(d.state()).isEqualTo(LifecycleState.SUPPORTED);
            assertThat(d.reason().id()).isEqualTo("Supported");
            assertThat(d.successor()).isEmpty();
            assertThat(d.action()).isEqualTo(Action.BUILD);
            assertThat(d.supported()).isTrue();
            assertThat(d.message())
                    .isEqualTo("builder ubi9/python-312 is supported until 2027-04-30 (vendor basis, vendor date)");
        }

        @Test
        void endOfLifeSoonWithinTheWarnWindow() {
            LocalDate today = LocalDate.of(2027, 4, 30).minusDays(60);
            assertThat(today).isEqualTo(LocalDate.of(2027, 3, 1));

            BuilderDecision d = decide(app("a").pythonVersion("3.12").spec(), today);
            assertThat(d.effective().image()).map(BuilderImage::name).contains("ubi9/python-312");
            assertThat(d.state()).isEqualTo(LifecycleState.END_OF_LIFE_SOON);
            assertThat(d.reason().id()).isEqualTo("EndOfLifeSoon");
            assertThat(d.action()).isEqualTo(Action.BUILD);
            assertThat(d.supported()).isTrue();
            assertThat(d.successor()).map(BuilderImage::name).contains("ubi9/python-314");
            assertThat(d.message())
                    .isEqualTo("builder ubi9/python-312 reaches end of life on 2027-04-30 (vendor basis, "
                            + "vendor date, in 60 days); successor: ubi9/python-314");
        }

        @Test
        void theDefaultOsStaysAndTheEndOfLifeIsReportedAsARewrite() {
            // the default builder never moves silently: ubi9 stays requested, the policy rewrites it and says so
            BuilderDecision d = decide(app("a").pythonVersion("3.12").spec(), LocalDate.of(2027, 4, 30));
            assertThat(d.requested().image()).map(BuilderImage::name).contains("ubi9/python-312");
            assertThat(d.effective().reference()).isEqualTo("registry.access.redhat.com/ubi9/python-314:latest");
            assertThat(d.reason().id()).isEqualTo("Rewritten");
        }

        @Test
        void anExplicitOsIsKeptAndRewrittenWhenItEnds() {
            PythonAppSpec spec =
                    app("a").pythonVersion("3.12").os(BuilderSpec.Os.UBI9).spec();
            BuilderDecision d = decide(spec, LocalDate.of(2027, 4, 30));
            assertThat(d.requested().image()).map(BuilderImage::name).contains("ubi9/python-312");
            assertThat(d.effective().reference()).isEqualTo("registry.access.redhat.com/ubi9/python-314:latest");
            assertThat(d.action()).isEqualTo(Action.BUILD_SUCCESSOR);
        }

        @Test
        void theBasisDecides() {
            PythonAppSpec spec =
                    app("a").pythonVersion("3.9").os(BuilderSpec.Os.UBI9).spec();
            BuilderPolicy vendor = new BuilderPolicy(Fixtures.lifecycle(EolBasis.VENDOR), EolPolicy.Rewrite);
            BuilderPolicy strictest = new BuilderPolicy(Fixtures.lifecycle(EolBasis.STRICTEST), EolPolicy.Rewrite);

            assertThat(decide(vendor, spec, CATALOG_DAY).reason().id()).isEqualTo("Supported");
            BuilderDecision strict = decide(strictest, spec, CATALOG_DAY);
            assertThat(strict.reason().id()).isEqualTo("Rewritten");
            assertThat(strict.lifecycle().basis()).isEqualTo(EolBasis.STRICTEST);
            assertThat(strict.eolDate()).contains(LocalDate.of(2025, 10, 31));
            assertThat(strict.effective().reference()).isEqualTo("registry.access.redhat.com/ubi9/python-312:latest");
            assertThat(strict.message())
                    .startsWith("builder ubi9/python-39 reached end of life on 2025-10-31 "
                            + "(strictest basis, upstream date)");
        }
    }

    @Nested
    class ExplicitImage {
        private static PythonAppSpec builderImage(String pythonVersion, String image) {
            return app("a").pythonVersion(pythonVersion).builderImage(image).spec();
        }

        @Test
        void aKnownImageIsRewrittenOnTheSameRegistry() {
            PythonAppSpec spec = builderImage("3.8", "registry.redhat.io/ubi8/python-38:1-100");
            BuilderDecision d = decide(policy(EolPolicy.Rewrite), spec, CATALOG_DAY);

            assertThat(d.requested().reference()).isEqualTo("registry.redhat.io/ubi8/python-38:1-100");
            assertThat(d.requested().image()).map(BuilderImage::name).contains("ubi8/python-38");
            assertThat(d.effective().reference()).isEqualTo("registry.redhat.io/ubi8/python-312:latest");
            assertThat(d.action()).isEqualTo(Action.BUILD_SUCCESSOR);
            assertThat(d.reason().id()).isEqualTo("Rewritten");
        }

        @Test
        void aKnownImageKeepsItsTagAndDigestWhileSupported() {
            String pinned =
                    "registry.redhat.io/ubi9/python-312@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
            PythonAppSpec spec = app("a").builderImage(pinned).spec();
            BuilderDecision d = decide(spec, CATALOG_DAY);
            assertThat(d.effective().reference()).isEqualTo(pinned);
            assertThat(d.effective().image()).map(BuilderImage::name).contains("ubi9/python-312");
            assertThat(d.reason().id()).isEqualTo("Supported");
        }

        @Test
        void anUnknownImageIsNotInCatalogAndUsedAsIs() {
            PythonAppSpec spec = builderImage("3.11", "quay.io/example/custom-python:1.0");
            BuilderDecision d = decide(policy(EolPolicy.Block), spec, CATALOG_DAY);

            assertThat(d.reason().id()).isEqualTo("NotInCatalog");
            assertThat(d.effective().reference())
                    .isEqualTo(d.requested().reference())
                    .isEqualTo("quay.io/example/custom-python:1.0");
            assertThat(d.requested().image()).isEmpty();
            assertThat(d.effective().image()).isEmpty();
            assertThat(d.state()).isEqualTo(LifecycleState.UNKNOWN);
            assertThat(d.eolDate()).isEmpty();
            assertThat(d.successor()).isEmpty();
            assertThat(d.action()).isEqualTo(Action.BUILD);
            assertThat(d.policy()).isEqualTo(EolPolicy.Block);
            assertThat(d.message())
                    .isEqualTo("builder quay.io/example/custom-python:1.0 is not in the builder catalog, "
                            + "so its end of life is unknown");
            assertThat(d.runtimeVersion("3.11")).isEqualTo("3.11");
        }
    }

    @Nested
    class SuccessorReference {
        @Test
        void sameRegistryWhenTheSuccessorIsKnownThere() {
            BuilderImage python312Minimal = image("ubi8/python-312-minimal");
            assertThat(BuilderPolicy.successorReference("quay.io/sclorg/python-39-minimal-el8:1", python312Minimal))
                    .isEqualTo("quay.io/sclorg/python-312-minimal-el8:latest");
            assertThat(BuilderPolicy.successorReference(
                            "registry.redhat.io/rhel8/python-39-minimal@sha256:abc", python312Minimal))
                    .isEqualTo("registry.redhat.io/ubi8/python-312-minimal:latest");
        }

        @Test
        void theCanonicalImageOtherwise() {
            assertThat(BuilderPolicy.successorReference(
                            "docker.io/centos/python-36-centos7:latest", image("ubi9/python-312")))
                    .isEqualTo("registry.access.redhat.com/ubi9/python-312:latest");
        }
    }

    @Nested
    class InvalidSpec {
        @Test
        void anUnknownVersionIsInvalid() {
            BuilderPolicy.Outcome outcome = policy(EolPolicy.Rewrite)
                    .decide(app("a").pythonVersion("3.99").spec(), CATALOG_DAY);
            assertThat(outcome).isInstanceOfSatisfying(BuilderPolicy.Outcome.Invalid.class, invalid -> {
                assertThat(invalid.reason().id()).isEqualTo("InvalidPythonVersion");
                // only versions with a builder supported on the day
                assertThat(invalid.message())
                        .isEqualTo("Python 3.99 has no builder image in the catalog. "
                                + "Valid pythonVersion values: 3.6, 3.9, 3.12, 3.13, 3.14 (with a supported builder)");
            });
        }

        @Test
        void anUnavailableCombinationIsInvalid() {
            PythonAppSpec spec =
                    app("a").pythonVersion("3.13").os(BuilderSpec.Os.UBI9).spec();
            BuilderPolicy.Outcome outcome = policy(EolPolicy.Rewrite).decide(spec, CATALOG_DAY);
            assertThat(outcome).isInstanceOfSatisfying(BuilderPolicy.Outcome.Invalid.class, invalid -> {
                assertThat(invalid.reason().id()).isEqualTo("InvalidBuilderCombination");
                assertThat(invalid.message()).contains("c10s", "fedora");
            });
        }

        @Test
        void anUnavailableVariantIsInvalid() {
            PythonAppSpec spec = app("a").pythonVersion("3.12")
                    .os(BuilderSpec.Os.UBI10)
                    .variant(BuilderSpec.Variant.FULL)
                    .spec();
            assertThat(policy(EolPolicy.Rewrite).decide(spec, CATALOG_DAY))
                    .isInstanceOfSatisfying(BuilderPolicy.Outcome.Invalid.class, invalid -> {
                        assertThat(invalid.reason().id()).isEqualTo("InvalidBuilderCombination");
                        assertThat(invalid.message())
                                .startsWith(
                                        "Python 3.12 on ubi10 has no full image. " + "Python 3.12 is available on: ")
                                .contains(
                                        "ubi9 (full, minimal), ubi10 (minimal), ubi8 (full, minimal), c10s (full, minimal), "
                                                + "c9s (full, minimal)",
                                        "fedora (full, minimal)");
                    });
        }
    }
}

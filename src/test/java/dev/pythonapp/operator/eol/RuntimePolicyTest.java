package dev.pythonapp.operator.eol;

import static dev.pythonapp.operator.testing.Fixtures.CATALOG_DAY;
import static dev.pythonapp.operator.testing.Fixtures.app;
import static dev.pythonapp.operator.testing.Fixtures.decide;
import static dev.pythonapp.operator.testing.Fixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.api.BuilderSpec;
import dev.pythonapp.operator.api.EolPolicy;
import dev.pythonapp.operator.api.PythonAppSpec;
import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import dev.pythonapp.operator.catalog.BuilderCatalog;
import dev.pythonapp.operator.catalog.BuilderImage;
import dev.pythonapp.operator.catalog.CatalogLoader;
import dev.pythonapp.operator.eol.BuilderDecision.Action;
import dev.pythonapp.operator.eol.BuilderDecision.RuntimeImage;
import dev.pythonapp.operator.testing.Fixtures;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The run-time image decided with the builder (BuilderPolicy with spec.runtime), and what admission refuses. */
class RuntimePolicyTest {
    static final String UBI9_312 = "registry.access.redhat.com/ubi9/python-312:latest";
    static final String UBI9_312_MINIMAL = "registry.access.redhat.com/ubi9/python-312-minimal:latest";

    /** The message of the InvalidRuntime refusal of {@code app}'s spec; fails when the spec is not refused so. */
    private static String refusal(Fixtures.AppBuilder app) {
        BuilderPolicy.Outcome outcome = policy(EolPolicy.Rewrite).decide(app.spec(), CATALOG_DAY);
        assertThat(outcome).isInstanceOf(BuilderPolicy.Outcome.Invalid.class);
        BuilderPolicy.Outcome.Invalid invalid = (BuilderPolicy.Outcome.Invalid) outcome;
        assertThat(invalid.reason()).isEqualTo(ConditionReason.INVALID_RUNTIME);
        return invalid.message();
    }

    private static RuntimeImage runtimeOf(BuilderDecision d) {
        return d.runtime().orElseThrow();
    }

    @Nested
    class Resolution {
        @Test
        void theDefaultRuntimeIsTheMinimalImageOfTheBuildersOsAndPython() {
            BuilderDecision d = decide(
                    app("web").runtimeVariant(null).runtimePackages("httpd").spec(), CATALOG_DAY);
            assertThat(d.effective().reference()).isEqualTo(UBI9_312);
            assertThat(runtimeOf(d).requested().reference()).isEqualTo(UBI9_312_MINIMAL);
            assertThat(runtimeOf(d).effective().reference()).isEqualTo(UBI9_312_MINIMAL);
            assertThat(runtimeOf(d).rewritten()).isFalse();
            assertThat(d.action()).isEqualTo(Action.BUILD);
            assertThat(d.reason()).isEqualTo(ConditionReason.SUPPORTED);
            assertThat(d.message())
                    .isEqualTo("builder ubi9/python-312 is supported until 2027-04-30 (vendor basis, vendor date); "
                            + "runtime ubi9/python-312-minimal is supported until 2027-04-30 (vendor basis, "
                            + "vendor date)");
        }

        @Test
        void theRuntimeComesFromTheBuildersRegistry() {
            BuilderDecision d = decide(
                    app("web")
                            .builderImage("registry.redhat.io/ubi9/python-312:1-25")
                            .runtimeVariant(BuilderSpec.Variant.MINIMAL)
                            .spec(),
                    CATALOG_DAY);
            assertThat(runtimeOf(d).requested().reference())
                    .isEqualTo("registry.redhat.io/ubi9/python-312-minimal:latest");
        }

        @Test
        void anExplicitRuntimeImageOfTheSameOsAndPythonIsKeptAsWritten() {
            BuilderDecision d = decide(
                    app("web")
                            .runtimeImage("registry.redhat.io/rhel9/python-312-minimal@sha256:0123")
                            .spec(),
                    CATALOG_DAY);
            assertThat(runtimeOf(d).requested().reference())
                    .isEqualTo("registry.redhat.io/rhel9/python-312-minimal@sha256:0123");
            assertThat(runtimeOf(d).requestedImage().name()).isEqualTo("ubi9/python-312-minimal");
        }

        @Test
        void buildPackagesAloneNeedNoRuntimeImage() {
            BuilderDecision d = decide(app("web").buildPackages("gcc").spec(), CATALOG_DAY);
            assertThat(d.runtime()).isEmpty();
            assertThat(d.effective().reference()).isEqualTo(UBI9_312);
        }
    }

    @Nested
    class Refused {
        @Test
        void aRuntimeOfAnotherPythonVersion() {
            assertThat(refusal(app("web").runtimeImage("registry.access.redhat.com/ubi9/python-314-minimal")))
                    .isEqualTo("runtime.image ubi9/python-314-minimal is Python 3.14 on ubi9, but builder "
                            + "ubi9/python-312 is Python 3.12 on ubi9: the virtualenv copied from the builder points "
                            + "at the builder's interpreter, so the run-time image needs the same OS and Python "
                            + "version (use runtime.variant to get it)");
        }

        @Test
        void aRuntimeOfAnotherOs() {
            assertThat(refusal(app("web").runtimeImage("registry.access.redhat.com/ubi8/python-312-minimal")))
                    .startsWith("runtime.image ubi8/python-312-minimal is Python 3.12 on ubi8, but builder "
                            + "ubi9/python-312 is Python 3.12 on ubi9");
        }

        @Test
        void aRuntimeImageTheCatalogDoesNotKnow() {
            assertThat(refusal(app("web").runtimeImage("quay.io/acme/python-312-slim")))
                    .startsWith("runtime.image quay.io/acme/python-312-slim is not in the builder catalog");
        }

        @Test
        void runtimeSettingsWithAnExplicitBuilderTheCatalogDoesNotKnow() {
            assertThat(refusal(app("web")
                            .builderImage("quay.io/acme/python-312-custom")
                            .runtimeVariant(BuilderSpec.Variant.MINIMAL)))
                    .startsWith("spec.runtime needs a builder image the catalog knows: builder.image "
                            + "quay.io/acme/python-312-custom is not in the builder catalog");
            assertThat(refusal(app("web")
                            .builderImage("quay.io/acme/python-312-custom")
                            .buildPackages("gcc")))
                    .startsWith("spec.build.packages needs a builder image the catalog knows");
        }

        @Test
        void aVariantTheBuildersOsDoesNotHaveForThatPython() {
            assertThat(refusal(app("web")
                            .pythonVersion("3.9")
                            .os(BuilderSpec.Os.UBI9)
                            .runtimeVariant(BuilderSpec.Variant.MINIMAL)))
                    .startsWith("no run-time image with the builder's OS and Python version: Python 3.9 on ubi9 has "
                            + "no minimal image");
        }
    }

    @Nested
    class EndOfLife {
        /** Python 3.11 on UBI 8, full builder and minimal runtime: both end of life on 2026-05-31. */
        private PythonAppSpec python311OnUbi8(EolPolicy policy) {
            return app("web")
                    .pythonVersion("3.11")
                    .os(BuilderSpec.Os.UBI8)
                    .runtimeVariant(BuilderSpec.Variant.MINIMAL)
                    .eolPolicy(policy)
                    .spec();
        }

        @Test
        void rewriteMovesBuilderAndRuntimeTogether() {
            BuilderDecision d = decide(python311OnUbi8(EolPolicy.Rewrite), CATALOG_DAY);
            assertThat(d.action()).isEqualTo(Action.BUILD_SUCCESSOR);
            assertThat(d.reason()).isEqualTo(ConditionReason.REWRITTEN);
            assertThat(d.requested().reference()).isEqualTo("registry.access.redhat.com/ubi8/python-311:latest");
            assertThat(d.effective().reference()).isEqualTo("registry.access.redhat.com/ubi8/python-312:latest");
            assertThat(runtimeOf(d).requested().reference())
                    .isEqualTo("registry.access.redhat.com/ubi8/python-311-minimal:latest");
            assertThat(runtimeOf(d).effective().reference())
                    .isEqualTo("registry.access.redhat.com/ubi8/python-312-minimal:latest");
            assertThat(d.builderRewritten()).isTrue();
            assertThat(runtimeOf(d).rewritten()).isTrue();
            assertThat(d.message())
                    .isEqualTo("builder ubi8/python-311 reached end of life on 2026-05-31 (vendor basis, vendor date); "
                            + "runtime ubi8/python-311-minimal reached end of life on 2026-05-31 (vendor basis, "
                            + "vendor date); building with successor ubi8/python-312 "
                            + "(registry.access.redhat.com/ubi8/python-312:latest) and running on "
                            + "ubi8/python-312-minimal (registry.access.redhat.com/ubi8/python-312-minimal:latest) "
                            + "under policy Rewrite, one OS and Python version for both. Set spec.pythonVersion to "
                            + "3.12 to make this explicit");
        }

        @Test
        void blockPausesAndWarnKeepsBoth() {
            BuilderDecision blocked = decide(python311OnUbi8(EolPolicy.Block), CATALOG_DAY);
            assertThat(blocked.action()).isEqualTo(Action.PAUSE);
            assertThat(blocked.reason()).isEqualTo(ConditionReason.END_OF_LIFE);
            assertThat(blocked.message())
                    .contains(
                            "new builds are blocked",
                            "successors: ubi8/python-312 and "
                                    + "ubi8/python-312-minimal (set spec.pythonVersion to 3.12)");
            BuilderDecision warned = decide(python311OnUbi8(EolPolicy.Warn), CATALOG_DAY);
            assertThat(warned.action()).isEqualTo(Action.BUILD);
            assertThat(warned.reason()).isEqualTo(ConditionReason.END_OF_LIFE);
            assertThat(runtimeOf(warned).effective().reference())
                    .isEqualTo("registry.access.redhat.com/ubi8/python-311-minimal:latest");
            assertThat(warned.message()).contains("still building with them under policy Warn");
        }

        @Test
        void thePairStaysOnOnePythonWhereEachImagesOwnSuccessorWouldPartThem() {
            LocalDate day = LocalDate.of(2027, 6, 1); // CentOS Stream 9 is end of life
            assertThat(Fixtures.lifecycle()
                            .successor(Fixtures.image("sclorg/python-312-c9s"), day)
                            .map(BuilderImage::name))
                    .contains("sclorg/python-313-c10s");
            assertThat(Fixtures.lifecycle()
                            .successor(Fixtures.image("sclorg/python-312-minimal-c9s"), day)
                            .map(BuilderImage::name))
                    .contains("sclorg/python-314-minimal-c10s");

            BuilderDecision d = decide(
                    app("web")
                            .os(BuilderSpec.Os.C9S)
                            .runtimeVariant(BuilderSpec.Variant.MINIMAL)
                            .spec(),
                    day);
            assertThat(d.effective().image()).map(BuilderImage::name).contains("sclorg/python-313-c10s");
            assertThat(runtimeOf(d).effective().image())
                    .map(BuilderImage::name)
                    .contains("sclorg/python-313-minimal-c10s");
        }

        @Test
        void anEndOfLifeRuntimeAloneMovesBothAndIsReported() {
            // a catalog overlay that ends the minimal image early, its full sibling stays supported
            BuilderCatalog catalog =
                    CatalogLoader.toCatalog(CatalogLoader.merge(CatalogLoader.readBuiltIn(), CatalogLoader.parse("""
                            images:
                              - name: ubi9/python-312-minimal
                                python: "3.12"
                                os: ubi9
                                variant: minimal
                                image: registry.access.redhat.com/ubi9/python-312-minimal
                                vendorEol: 2026-06-30
                                vendorEolSource: rh-insights-roadmap
                            """)));
            BuilderPolicy policy =
                    new BuilderPolicy(new Lifecycle(catalog, EolBasis.VENDOR, Fixtures.WARN_DAYS), EolPolicy.Rewrite);
            BuilderDecision d = Fixtures.decide(
                    policy,
                    app("web").runtimeVariant(BuilderSpec.Variant.MINIMAL).spec(),
                    CATALOG_DAY);
            assertThat(d.state()).isEqualTo(LifecycleState.SUPPORTED);
            assertThat(d.worstState()).isEqualTo(LifecycleState.END_OF_LIFE);
            assertThat(d.action()).isEqualTo(Action.BUILD_SUCCESSOR);
            assertThat(d.effective().image()).map(BuilderImage::name).contains("ubi9/python-314");
            assertThat(runtimeOf(d).effective().image()).map(BuilderImage::name).contains("ubi9/python-314-minimal");
            assertThat(d.message())
                    .startsWith("builder ubi9/python-312 is supported until 2027-04-30 (vendor basis, "
                            + "vendor date); runtime ubi9/python-312-minimal reached end of life on 2026-06-30");
        }

        @Test
        void withinTheWarnWindowBothSuccessorsAreNamed() {
            BuilderDecision d = decide(
                    app("web").runtimeVariant(BuilderSpec.Variant.MINIMAL).spec(), LocalDate.of(2027, 3, 1));
            assertThat(d.reason()).isEqualTo(ConditionReason.END_OF_LIFE_SOON);
            assertThat(d.message())
                    .endsWith("runtime ubi9/python-312-minimal reaches end of life on 2027-04-30 (vendor basis, "
                            + "vendor date, in 60 days); successors: ubi9/python-314 and ubi9/python-314-minimal");
            assertThat(runtimeOf(d).lifecycle().successor())
                    .map(BuilderImage::name)
                    .contains("ubi9/python-314-minimal");
        }
    }
}

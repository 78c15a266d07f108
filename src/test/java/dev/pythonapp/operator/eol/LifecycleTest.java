package dev.pythonapp.operator.eol;

import static dev.pythonapp.operator.testing.Fixtures.CATALOG_DAY;
import static dev.pythonapp.operator.testing.Fixtures.image;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.catalog.BuilderImage;
import dev.pythonapp.operator.testing.Fixtures;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleTest {
    private final Lifecycle vendor = Fixtures.lifecycle(EolBasis.VENDOR);
    private final Lifecycle upstream = Fixtures.lifecycle(EolBasis.UPSTREAM);
    private final Lifecycle strictest = Fixtures.lifecycle(EolBasis.STRICTEST);

    private static String successorName(Lifecycle lifecycle, String image, LocalDate today) {
        return lifecycle.successor(image(image), today).map(BuilderImage::name).orElse("(none)");
    }

    @Nested
    class EolDate {
        @Test
        void ubi8Python36IsSupportedByTheVendorLongAfterUpstreamEndOfLife() {
            BuilderImage python36 = image("ubi8/python-36");
            assertThat(vendor.eolDate(python36)).isEqualTo(LocalDate.of(2029, 5, 31));
            assertThat(upstream.eolDate(python36)).isEqualTo(LocalDate.of(2021, 12, 23));
            assertThat(strictest.eolDate(python36)).isEqualTo(LocalDate.of(2021, 12, 23));
            assertThat(vendor.eolDateKind(python36)).isEqualTo("vendor");
            assertThat(upstream.eolDateKind(python36)).isEqualTo("upstream");
            assertThat(strictest.eolDateKind(python36)).isEqualTo("upstream");
        }

        @Test
        void ubi9Python39() {
            BuilderImage python39 = image("ubi9/python-39");
            assertThat(vendor.eolDate(python39)).isEqualTo(LocalDate.of(2032, 5, 31));
            assertThat(upstream.eolDate(python39)).isEqualTo(LocalDate.of(2025, 10, 31));
            assertThat(strictest.eolDate(python39)).isEqualTo(LocalDate.of(2025, 10, 31));
        }

        @Test
        void strictestTakesTheVendorDateWhenItIsEarlier() {
            BuilderImage python38 = image("ubi8/python-38");
            assertThat(vendor.eolDate(python38)).isEqualTo(LocalDate.of(2023, 5, 31));
            assertThat(upstream.eolDate(python38)).isEqualTo(LocalDate.of(2024, 10, 7));
            assertThat(strictest.eolDate(python38)).isEqualTo(LocalDate.of(2023, 5, 31));
            assertThat(strictest.eolDateKind(python38)).isEqualTo("vendor");
            assertThat(upstream.eolDateKind(python38)).isEqualTo("upstream");
        }

        @Test
        void upstreamFallsBackToTheVendorDateWithoutACPythonDate() {
            // the catalog has no CPython release entry for 3.3
            BuilderImage python33 = image("openshift3/python-33-rhel7");
            assertThat(upstream.eolDate(python33)).isEqualTo(LocalDate.of(2022, 4, 25));
            assertThat(strictest.eolDate(python33)).isEqualTo(LocalDate.of(2022, 4, 25));
            assertThat(upstream.eolDateKind(python33)).isEqualTo("vendor");
        }

        @Test
        void basisIds() {
            assertThat(EolBasis.of(" Strictest ")).isEqualTo(EolBasis.STRICTEST);
            assertThat(EolBasis.of("vendor")).isEqualTo(EolBasis.VENDOR);
            assertThat(EolBasis.UPSTREAM.id()).isEqualTo("upstream");
        }
    }

    @Nested
    class State {
        private final BuilderImage python312 = image("ubi9/python-312");

        @ParameterizedTest
        @CsvSource({
            "2026-11-23, SUPPORTED",
            "2027-01-29, SUPPORTED", // 91 days before
            "2027-01-30, END_OF_LIFE_SOON", // 90 days before: inside the warn window
            "2027-03-01, END_OF_LIFE_SOON",
            "2027-04-29, END_OF_LIFE_SOON", // the day before
            "2027-04-30, END_OF_LIFE", // the date itself
            "2027-05-01, END_OF_LIFE",
            "2031-01-01, END_OF_LIFE",
        })
        void aroundTheEndOfLifeOfUbi9Python312(LocalDate today, LifecycleState expected) {
            assertThat(vendor.state(python312, today)).isEqualTo(expected);
            assertThat(vendor.supported(python312, today)).isEqualTo(expected != LifecycleState.END_OF_LIFE);
        }

        @Test
        void daysUntilEol() {
            assertThat(vendor.daysUntilEol(python312, LocalDate.of(2027, 3, 1))).isEqualTo(60);
            assertThat(vendor.daysUntilEol(python312, LocalDate.of(2027, 4, 30)))
                    .isZero();
            assertThat(vendor.daysUntilEol(python312, LocalDate.of(2027, 5, 2))).isEqualTo(-2);
        }

        @Test
        void theWarnWindowIsConfigurable() {
            Lifecycle noWarning = new Lifecycle(Fixtures.catalog(), EolBasis.VENDOR, 0);
            assertThat(noWarning.state(python312, LocalDate.of(2027, 4, 29))).isEqualTo(LifecycleState.SUPPORTED);
            assertThat(noWarning.state(python312, LocalDate.of(2027, 4, 30))).isEqualTo(LifecycleState.END_OF_LIFE);
            assertThat(noWarning.warnDays()).isZero();
        }

        @Test
        void theBasisDecidesTheState() {
            BuilderImage python36 = image("ubi8/python-36");
            assertThat(vendor.state(python36, CATALOG_DAY)).isEqualTo(LifecycleState.SUPPORTED);
            assertThat(upstream.state(python36, CATALOG_DAY)).isEqualTo(LifecycleState.END_OF_LIFE);
            assertThat(strictest.state(python36, CATALOG_DAY)).isEqualTo(LifecycleState.END_OF_LIFE);
        }
    }

    @Nested
    class Successor {
        @Test
        void nearestNewerSupportedVersionOnTheSameOsAndVariant() {
            // 3.9 and 3.11 on ubi8 are end of life on 2026-11-23, 3.12 is not
            assertThat(successorName(vendor, "ubi8/python-38", CATALOG_DAY)).isEqualTo("ubi8/python-312");
            assertThat(successorName(vendor, "ubi8/python-39-minimal", CATALOG_DAY))
                    .isEqualTo("ubi8/python-312-minimal");
        }

        @Test
        void theSuccessorMovesOnWhenTheNearestReachesItsEnd() {
            assertThat(successorName(vendor, "ubi9/python-311", CATALOG_DAY)).isEqualTo("ubi9/python-312");
            assertThat(successorName(vendor, "ubi9/python-311", LocalDate.of(2027, 4, 29)))
                    .isEqualTo("ubi9/python-312");
            assertThat(successorName(vendor, "ubi9/python-311", LocalDate.of(2027, 4, 30)))
                    .isEqualTo("ubi9/python-314");
        }

        @Test
        void anExplicitSuccessorOverridesTheRule() {
            // by the rule, c8s would go to the newest c9s image (3.14); the catalog says 3.12 on c9s
            assertThat(successorName(vendor, "sclorg/python-312-c8s", CATALOG_DAY))
                    .isEqualTo("sclorg/python-312-c9s");
            assertThat(successorName(vendor, "sclorg/python-311-c8s", CATALOG_DAY))
                    .isEqualTo("sclorg/python-312-c9s");
            assertThat(successorName(vendor, "fedora/python-313", CATALOG_DAY)).isEqualTo("fedora/python-314");
            assertThat(successorName(vendor, "fedora/python-313-minimal", CATALOG_DAY))
                    .isEqualTo("fedora/python-314-minimal");
        }

        @Test
        void anEndOfLifeExplicitSuccessorIsReplacedByItsOwnSuccessor() {
            // ubi9/python-312 (explicit successor of centos7 2.7) is end of life from 2027-04-30
            assertThat(successorName(vendor, "centos7/python-27-centos7", CATALOG_DAY))
                    .isEqualTo("ubi9/python-312");
            assertThat(successorName(vendor, "centos7/python-27-centos7", LocalDate.of(2027, 5, 1)))
                    .isEqualTo("ubi9/python-314");
            // CentOS Stream 9 ends on 2027-05-31: from c8s over c9s to the newest full c10s image
            assertThat(successorName(vendor, "sclorg/python-312-c8s", LocalDate.of(2027, 6, 1)))
                    .isEqualTo("sclorg/python-313-c10s");
        }

        @Test
        void theNextOsGenerationWhenTheOsHasNothingNewer() {
            // every c9s image ends with CentOS Stream 9 on 2027-05-31; c10s has a 3.14 minimal image
            assertThat(successorName(vendor, "sclorg/python-314-minimal-c9s", LocalDate.of(2027, 6, 1)))
                    .isEqualTo("sclorg/python-314-minimal-c10s");
            // ubi8/python-312 is the newest on ubi8; ubi9/python-314 is the newest full image on ubi9
            assertThat(successorName(vendor, "ubi8/python-312", LocalDate.of(2029, 5, 11)))
                    .isEqualTo("ubi9/python-314");
        }

        @Test
        void aSuccessorOnALaterOsGenerationIsNeverAnOlderPython() {
            // on 2029-05-31 ubi9 still supports 3.9 (until 2032), but not 3.14; ubi10 has 3.12 (minimal only)
            assertThat(successorName(vendor, "ubi8/python-312", LocalDate.of(2029, 5, 31)))
                    .isEqualTo("ubi10/python-312-minimal");
            // c10s has 3.13 full, but only 3.14 minimal is not older than 3.14
            assertThat(successorName(vendor, "sclorg/python-314-c9s", LocalDate.of(2027, 6, 1)))
                    .isEqualTo("sclorg/python-314-minimal-c10s");
            // ubi10 has nothing newer than 3.12 that is still supported on 2029-05-12
            assertThat(successorName(vendor, "ubi9/python-314", LocalDate.of(2029, 5, 12)))
                    .isEqualTo("(none)");
        }

        @Test
        void noSupportedSuccessorIsEmpty() {
            // Fedora has no later generation in the catalog, and fedora/python-314 is the newest Fedora image
            assertThat(vendor.successor(image("fedora/python-314"), LocalDate.of(2026, 12, 9)))
                    .isEmpty();
            assertThat(vendor.successor(image("fedora/python-313"), LocalDate.of(2026, 12, 10)))
                    .isEmpty();
            assertThat(vendor.successor(image("fedora/python-312-minimal"), LocalDate.of(2026, 12, 10)))
                    .isEmpty();
        }

        @Test
        void theBasisAppliesToSuccessorsToo() {
            // under the strictest basis ubi9/python-39 is end of life; its successor must be supported under that basis
            assertThat(successorName(strictest, "ubi9/python-39", CATALOG_DAY)).isEqualTo("ubi9/python-312");
            assertThat(successorName(strictest, "ubi8/python-36", CATALOG_DAY)).isEqualTo("ubi8/python-312");
        }
    }
}

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

    @Nested
    class EolDate {
        /** Each row: what it shows, the image, the basis, its end-of-life date and which date that is. */
        @ParameterizedTest(name = "{0}: {1} under {2} -> {3} ({4})")
        @CsvSource(delimiter = '|', textBlock = """
            vendor support outlasts upstream end of life | ubi8/python-36 | VENDOR    | 2029-05-31 | vendor
            vendor support outlasts upstream end of life | ubi8/python-36 | UPSTREAM  | 2021-12-23 | upstream
            vendor support outlasts upstream end of life | ubi8/python-36 | STRICTEST | 2021-12-23 | upstream
            vendor support outlasts upstream end of life | ubi9/python-39 | VENDOR    | 2032-05-31 | vendor
            vendor support outlasts upstream end of life | ubi9/python-39 | UPSTREAM  | 2025-10-31 | upstream
            vendor support outlasts upstream end of life | ubi9/python-39 | STRICTEST | 2025-10-31 | upstream
            strictest takes the vendor date when it is earlier | ubi8/python-38 | VENDOR    | 2023-05-31 | vendor
            strictest takes the vendor date when it is earlier | ubi8/python-38 | UPSTREAM  | 2024-10-07 | upstream
            strictest takes the vendor date when it is earlier | ubi8/python-38 | STRICTEST | 2023-05-31 | vendor
            # the catalog has no CPython release entry for 3.3
            upstream falls back to the vendor date | openshift3/python-33-rhel7 | UPSTREAM  | 2022-04-25 | vendor
            upstream falls back to the vendor date | openshift3/python-33-rhel7 | STRICTEST | 2022-04-25 | vendor
            """)
        void eolDate(String rule, String image, EolBasis basis, LocalDate date, String kind) {
            Lifecycle lifecycle = Fixtures.lifecycle(basis);
            assertThat(lifecycle.eolDate(image(image))).isEqualTo(date);
            assertThat(lifecycle.eolDateKind(image(image))).isEqualTo(kind);
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
        /** Each row: the rule it shows, the basis, the image, the day (2026-11-23 is the catalog's day), its successor. */
        @ParameterizedTest(name = "{0}: {2} on {3} under {1} -> {4}")
        @CsvSource(delimiter = '|', textBlock = """
            # 3.9 and 3.11 on ubi8 are end of life on 2026-11-23, 3.12 is not
            nearest newer supported on the same OS and variant | VENDOR | ubi8/python-38         | 2026-11-23 | ubi8/python-312
            nearest newer supported on the same OS and variant | VENDOR | ubi8/python-39-minimal | 2026-11-23 | ubi8/python-312-minimal
            the successor moves on when the nearest reaches its end | VENDOR | ubi9/python-311 | 2026-11-23 | ubi9/python-312
            the successor moves on when the nearest reaches its end | VENDOR | ubi9/python-311 | 2027-04-29 | ubi9/python-312
            the successor moves on when the nearest reaches its end | VENDOR | ubi9/python-311 | 2027-04-30 | ubi9/python-314
            # by the rule, c8s would go to the newest c9s image (3.14); the catalog says 3.12 on c9s
            an explicit successor overrides the rule | VENDOR | sclorg/python-312-c8s     | 2026-11-23 | sclorg/python-312-c9s
            an explicit successor overrides the rule | VENDOR | sclorg/python-311-c8s     | 2026-11-23 | sclorg/python-312-c9s
            an explicit successor overrides the rule | VENDOR | fedora/python-313         | 2026-11-23 | fedora/python-314
            an explicit successor overrides the rule | VENDOR | fedora/python-313-minimal | 2026-11-23 | fedora/python-314-minimal
            # ubi9/python-312 (explicit successor of centos7 2.7) is end of life from 2027-04-30
            an end-of-life explicit successor is replaced by its own | VENDOR | centos7/python-27-centos7 | 2026-11-23 | ubi9/python-312
            an end-of-life explicit successor is replaced by its own | VENDOR | centos7/python-27-centos7 | 2027-05-01 | ubi9/python-314
            # CentOS Stream 9 ends on 2027-05-31: from c8s over c9s to the newest full c10s image
            an end-of-life explicit successor is replaced by its own | VENDOR | sclorg/python-312-c8s | 2027-06-01 | sclorg/python-313-c10s
            # every c9s image ends with CentOS Stream 9 on 2027-05-31; c10s has a 3.14 minimal image
            the next OS generation when the OS has nothing newer | VENDOR | sclorg/python-314-minimal-c9s | 2027-06-01 | sclorg/python-314-minimal-c10s
            # ubi8/python-312 is the newest on ubi8; ubi9/python-314 is the newest full image on ubi9
            the next OS generation when the OS has nothing newer | VENDOR | ubi8/python-312 | 2029-05-11 | ubi9/python-314
            # on 2029-05-31 ubi9 still supports 3.9 (until 2032), but not 3.14; ubi10 has 3.12 (minimal only)
            a successor on a later OS generation is never an older Python | VENDOR | ubi8/python-312 | 2029-05-31 | ubi10/python-312-minimal
            # c10s has 3.13 full, but only 3.14 minimal is not older than 3.14
            a successor on a later OS generation is never an older Python | VENDOR | sclorg/python-314-c9s | 2027-06-01 | sclorg/python-314-minimal-c10s
            # ubi10 has nothing newer than 3.12 that is still supported on 2029-05-12
            a successor on a later OS generation is never an older Python | VENDOR | ubi9/python-314 | 2029-05-12 | (none)
            # Fedora has no later generation in the catalog, and fedora/python-314 is the newest Fedora image
            no supported successor is empty | VENDOR | fedora/python-314         | 2026-12-09 | (none)
            no supported successor is empty | VENDOR | fedora/python-313         | 2026-12-10 | (none)
            no supported successor is empty | VENDOR | fedora/python-312-minimal | 2026-12-10 | (none)
            # under the strictest basis ubi9/python-39 is end of life; its successor must be supported under that basis
            the basis applies to successors too | STRICTEST | ubi9/python-39 | 2026-11-23 | ubi9/python-312
            the basis applies to successors too | STRICTEST | ubi8/python-36 | 2026-11-23 | ubi8/python-312
            """)
        void successor(String rule, EolBasis basis, String image, LocalDate today, String expected) {
            assertThat(Fixtures.lifecycle(basis)
                            .successor(image(image), today)
                            .map(BuilderImage::name)
                            .orElse("(none)"))
                    .isEqualTo(expected);
        }
    }
}

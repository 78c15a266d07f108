package dev.pythonapp.operator.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upgrade} on a copy of the corpus: every file equals its golden copy byte for byte (comments, quoting, key
 * order, CRLF line ends kept; only image references changed), a second run changes nothing, and
 * {@code --dry-run} prints the golden unified diff without writing.
 */
class UpgradeGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/scan-corpus-upgraded");
    static final Path DIFF = Path.of("src/test/resources/scan-corpus-upgrade.diff");

    @Test
    void upgradeMatchesTheGoldenFilesAndIsIdempotent(@TempDir Path tmp) throws IOException {
        Path copy = copyCorpus(tmp);
        ScanCorpusTest.Run first = ScanCorpusTest.cli(copy, "upgrade", "--today", ScanCorpusTest.TODAY);
        assertThat(first.exit()).isEqualTo(ScanCli.CLEAN);
        assertThat(first.err()).contains("rewrote 13 references in 6 files");
        assertThat(first.err())
                .contains("not rewritten: docker/Containerfile:3:6 eol-image ubi8/python-39")
                .contains("change the ARG default to registry.access.redhat.com/ubi8/python-312");
        assertSameTree(copy, GOLDEN);

        ScanCorpusTest.Run second = ScanCorpusTest.cli(copy, "upgrade", "--today", ScanCorpusTest.TODAY);
        assertThat(second.err()).contains("rewrote 0 references in 0 files");
        assertSameTree(copy, GOLDEN);
        assertThat(ScanCorpusTest.cli(copy, "upgrade", "--dry-run", "--today", ScanCorpusTest.TODAY)
                        .exit())
                .isEqualTo(ScanCli.CLEAN);
    }

    @Test
    void noLineIsAddedOrRemovedAndLineEndsAreKept() throws IOException {
        try (Stream<Path> files = Files.walk(ScanCorpusTest.CORPUS)) {
            for (Path original : files.filter(Files::isRegularFile).toList()) {
                Path golden = GOLDEN.resolve(
                        ScanCorpusTest.CORPUS.relativize(original).toString());
                List<String> before = UnifiedDiff.lines(Files.readString(original));
                List<String> after = UnifiedDiff.lines(Files.readString(golden));
                assertThat(after).hasSameSizeAs(before);
                boolean crlf = Files.readString(original).contains("\r\n");
                assertThat(Files.readString(golden).contains("\r\n")).isEqualTo(crlf);
            }
        }
    }

    @Test
    void dryRunPrintsTheUnifiedDiffAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path copy = copyCorpus(tmp);
        ScanCorpusTest.Run run = ScanCorpusTest.cli(copy, "upgrade", "--dry-run", "--today", ScanCorpusTest.TODAY);
        assertThat(run.exit()).isEqualTo(ScanCli.FINDINGS);
        assertThat(run.out()).isEqualTo(Files.readString(DIFF));
        assertThat(run.err()).contains("would rewrite 13 references in 6 files");
        assertSameTree(copy, ScanCorpusTest.CORPUS);
    }

    static Path copyCorpus(Path tmp) throws IOException {
        Path copy = tmp.resolve("corpus");
        try (Stream<Path> files = Files.walk(ScanCorpusTest.CORPUS)) {
            for (Path source : files.toList()) {
                Path target =
                        copy.resolve(ScanCorpusTest.CORPUS.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return copy;
    }

    static void assertSameTree(Path actual, Path expected) throws IOException {
        try (Stream<Path> a = Files.walk(actual);
                Stream<Path> e = Files.walk(expected)) {
            List<String> actualFiles = a.filter(Files::isRegularFile)
                    .map(p -> actual.relativize(p).toString())
                    .sorted()
                    .toList();
            List<String> expectedFiles = e.filter(Files::isRegularFile)
                    .map(p -> expected.relativize(p).toString())
                    .sorted()
                    .toList();
            assertThat(actualFiles).isEqualTo(expectedFiles);
            for (String file : actualFiles) {
                assertThat(Files.readAllBytes(actual.resolve(file)))
                        .as(file)
                        .isEqualTo(Files.readAllBytes(expected.resolve(file)));
            }
        }
    }
}

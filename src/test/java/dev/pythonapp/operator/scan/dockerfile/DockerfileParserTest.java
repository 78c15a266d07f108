package dev.pythonapp.operator.scan.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.pythonapp.operator.scan.SourceSyntaxException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DockerfileParserTest {

    static Dockerfile parse(String text) throws SourceSyntaxException {
        return DockerfileParser.parse(text);
    }

    static List<String> keywords(Dockerfile d) {
        return d.instructions().stream().map(Instruction::keyword).toList();
    }

    /** Each row: a Dockerfile, the offset of its syntax error and the message. */
    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                arguments("# escape=x\nFROM a\n", 0, "invalid escape token 'x' does not validate"),
                arguments("# escape=`\n# escape=\\\nFROM a\n", 11, "only one escape parser directive is allowed"),
                arguments(
                        "FROM x\nRUN <<EOF\necho\n",
                        7,
                        "unterminated heredoc <<EOF: no line EOF before the end of the file"),
                arguments("FROM x\nRUNN y\n", 7, "unknown instruction: RUNN"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("syntaxErrors")
    void aSyntaxErrorIsReportedAtItsOffset(String dockerfile, int offset, String message) {
        assertThatThrownBy(() -> parse(dockerfile)).isInstanceOfSatisfying(SourceSyntaxException.class, e -> {
            assertThat(e.offset()).isEqualTo(offset);
            assertThat(e).hasMessage(message);
        });
    }

    @Nested
    class ContinuationLines {
        @Test
        void joinsLinesEndingInABackslashAndDropsCommentAndBlankLinesInside() throws Exception {
            Dockerfile d = parse("FROM ubi9\nRUN dnf install -y \\\n    gcc \\\n# a comment\n\n    make\nUSER 1001\n");
            assertThat(keywords(d)).containsExactly("FROM", "RUN", "USER");
            assertThat(d.instructions().get(1).args().value()).isEqualTo("dnf install -y     gcc     make");
        }

        @Test
        void backslashFollowedByTrailingSpacesStillContinues() throws Exception {
            Dockerfile d = parse("RUN a \\   \n  b\n");
            assertThat(d.instructions().get(0).args().value()).isEqualTo("a   b");
        }

        @Test
        void everyCharacterMapsBackToItsFileOffset() throws Exception {
            String text = "FROM x\nRUN pip \\\n  install flask\n";
            Instruction run = parse(text).instructions().get(1);
            int i = run.args().value().indexOf("install");
            assertThat(run.args().fileOffset(i)).isEqualTo(text.indexOf("install"));
            assertThat(run.offset()).isEqualTo(text.indexOf("RUN"));
        }

        @Test
        void crlfLineEndsAreLineEnds() throws Exception {
            Dockerfile d = parse("FROM x\r\nRUN a \\\r\n  b\r\nCMD [\"c\"]\r\n");
            assertThat(keywords(d)).containsExactly("FROM", "RUN", "CMD");
            assertThat(d.instructions().get(1).args().value()).isEqualTo("a   b");
            assertThat(d.instructions().get(2).execForm()).contains(List.of("c"));
        }
    }

    @Nested
    class EscapeDirective {
        @Test
        void backtickBecomesTheContinuationCharacterAndBackslashIsPlainText() throws Exception {
            Dockerfile d = parse("# escape=`\nFROM mcr.microsoft.com/windows\nRUN copy C:\\a `\n    C:\\b\n");
            assertThat(d.escape()).isEqualTo('`');
            assertThat(d.directives()).containsEntry("escape", "`");
            assertThat(d.instructions().get(1).args().value()).isEqualTo("copy C:\\a     C:\\b");
        }

        @Test
        void aDirectiveAfterAnInstructionIsAComment() throws Exception {
            Dockerfile d = parse("FROM x\n# escape=`\nRUN a \\\n b\n");
            assertThat(d.escape()).isEqualTo('\\');
            assertThat(d.instructions().get(1).args().value()).isEqualTo("a  b");
        }
    }

    @Nested
    class Heredocs {
        @Test
        void readsTheBodyUpToTheDelimiterLine() throws Exception {
            String text = "FROM x\nRUN <<EOF\npip install -r requirements.txt\necho done\nEOF\nUSER 1001\n";
            Dockerfile d = parse(text);
            assertThat(keywords(d)).containsExactly("FROM", "RUN", "USER");
            Heredoc h = d.instructions().get(1).heredocs().get(0);
            assertThat(h.delimiter()).isEqualTo("EOF");
            assertThat(h.body().value()).isEqualTo("pip install -r requirements.txt\necho done\n");
            assertThat(h.body().fileOffset(0)).isEqualTo(text.indexOf("pip"));
        }

        @Test
        void dashStripsLeadingTabsFromBodyAndDelimiter() throws Exception {
            Dockerfile d = parse("RUN <<-END bash\n\tset -e\n\t\techo hi\n\tEND\nUSER 1\n");
            assertThat(d.instructions().get(0).heredocs().get(0).body().value()).isEqualTo("set -e\necho hi\n");
            assertThat(keywords(d)).containsExactly("RUN", "USER");
        }

        @Test
        void quotedDelimitersAndSeveralHeredocsPerInstruction() throws Exception {
            Dockerfile d = parse("COPY <<\"A\" <<'B' /dest/\nfirst\nA\nsecond\nB\nCMD [\"x\"]\n");
            Instruction copy = d.instructions().get(0);
            assertThat(copy.heredocs()).extracting(Heredoc::delimiter).containsExactly("A", "B");
            assertThat(copy.heredocs().get(1).body().value()).isEqualTo("second\n");
            assertThat(keywords(d)).containsExactly("COPY", "CMD");
        }

        @Test
        void aHereStringIsNotAHeredoc() throws Exception {
            Dockerfile d = parse("RUN cat <<< hello\nUSER 1\n");
            assertThat(d.instructions().get(0).heredocs()).isEmpty();
            assertThat(keywords(d)).containsExactly("RUN", "USER");
        }
    }

    @Nested
    class FormsAndFlags {
        @Test
        void jsonArrayIsTheExecForm() throws Exception {
            Instruction cmd = parse("CMD [\"gunicorn\", \"--bind\", \"0.0.0.0:8080\"]\n")
                    .instructions()
                    .get(0);
            assertThat(cmd.execForm()).contains(List.of("gunicorn", "--bind", "0.0.0.0:8080"));
        }

        @Test
        void aMalformedArrayIsShellForm() throws Exception {
            Instruction cmd = parse("CMD [gunicorn, app]\n").instructions().get(0);
            assertThat(cmd.execForm()).isEmpty();
            assertThat(cmd.args().value()).isEqualTo("[gunicorn, app]");
        }

        @Test
        void leadingFlagsAreSeparatedFromTheArguments() throws Exception {
            Dockerfile d =
                    parse("FROM --platform=linux/amd64 python:3.12 AS b\nRUN --mount=type=cache,target=/root/.cache "
                            + "--network=none pip install x\nCOPY --from=b --chown=1001:0 /a /b\n");
            assertThat(d.instructions().get(0).flag("platform")).contains("linux/amd64");
            assertThat(d.instructions().get(0).args().value()).isEqualTo("python:3.12 AS b");
            assertThat(d.instructions().get(1).flag("mount")).contains("type=cache,target=/root/.cache");
            assertThat(d.instructions().get(1).args().value()).isEqualTo("pip install x");
            assertThat(d.instructions().get(2).flag("from")).contains("b");
            assertThat(d.instructions().get(2).flag("chown")).contains("1001:0");
        }

        @Test
        void keywordsAreCaseInsensitive() throws Exception {
            assertThat(keywords(parse("from x\nrun y\n"))).containsExactly("FROM", "RUN");
        }
    }
}

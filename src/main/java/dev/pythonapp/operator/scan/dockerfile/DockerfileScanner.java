package dev.pythonapp.operator.scan.dockerfile;

import dev.pythonapp.operator.eol.LifecycleState;
import dev.pythonapp.operator.scan.Detection;
import dev.pythonapp.operator.scan.Edit;
import dev.pythonapp.operator.scan.ImageAssessment;
import dev.pythonapp.operator.scan.ImageAssessor;
import dev.pythonapp.operator.scan.LineIndex;
import dev.pythonapp.operator.scan.SourceSyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/** Scans one Dockerfile text: the lint rules, and every stage's base image judged against the catalog. */
public final class DockerfileScanner {
    private DockerfileScanner() {}

    /**
     * {@code toFile} maps an offset of {@code text} to an offset of the file it sits in (identity for a Dockerfile,
     * the block scalar's layout for an inline {@code spec.source.dockerfile}).
     */
    public static List<Detection> scan(String text, ImageAssessor assessor, IntUnaryOperator toFile)
            throws SourceSyntaxException {
        Dockerfile dockerfile = DockerfileParser.parse(text);
        DockerfileLint.Result lint = DockerfileLint.lint(dockerfile, assessor::setsPipNoCacheDir);
        List<Detection> detections = new ArrayList<>();
        for (DockerfileLint.BaseImage base : lint.baseImages()) {
            assessor.reference(base.reference()).ifPresent(a -> {
                int start = toFile.applyAsInt(base.offset());
                if (!base.literal() && a.replacement().isPresent()) {
                    detections.add(Detection.of(
                            a.withReplacement(
                                    Optional.empty(),
                                    Optional.of("the reference comes from ARG values (" + base.written()
                                            + "): change the ARG default to "
                                            + a.replacement().get())),
                            start,
                            List.of()));
                    return;
                }
                List<Edit> edits = a.replacement()
                        .map(r -> List.of(new Edit(
                                start,
                                toFile.applyAsInt(base.offset() + base.written().length() - 1) + 1,
                                r)))
                        .orElse(List.of());
                detections.add(Detection.of(a, start, edits));
            });
        }
        for (DockerfileLint.Issue issue : lint.issues()) {
            detections.add(new Detection(
                    issue.rule(),
                    toFile.applyAsInt(issue.offset()),
                    issue.message(),
                    issue.fix(),
                    Optional.empty(),
                    List.of()));
        }
        detections.sort(Comparator.comparingInt(Detection::offset));
        return detections;
    }

    /**
     * Warnings for an inline Dockerfile (BuildConfig admission): every finding except supported images, most severe
     * first (kubectl shows each warning on its own line).
     */
    public static List<String> warnings(String text, ImageAssessor assessor) {
        LineIndex lines = new LineIndex(text);
        try {
            return scan(text, assessor, i -> i).stream()
                    .sorted(Comparator.comparing((Detection d) -> d.rule().severity))
                    .filter(d -> d.image().map(ImageAssessment::state).orElse(LifecycleState.END_OF_LIFE)
                            != LifecycleState.SUPPORTED)
                    // the rule id names the problem; the concrete fix is what fits in 120 characters
                    .map(d -> "Dockerfile line " + lines.position(d.offset()).line() + " ["
                            + d.rule().id() + "] " + (d.image().isPresent() ? d.message() : "fix: " + d.fix()))
                    .toList();
        } catch (SourceSyntaxException e) {
            return List.of(
                    "Dockerfile line " + lines.position(e.offset()).line() + " cannot be parsed: " + e.getMessage());
        }
    }
}

package dev.pythonapp.operator.build;

import java.util.List;

/**
 * The YAML form of one entry of failure-hints.yaml; unknown keys are errors, checks are in BuildFailureHints. Absent
 * lists read as empty.
 */
record FailureHintEntry(
        String id, String source, List<String> reasons, List<String> log, String hint, FailurePattern.Example example) {
    FailureHintEntry {
        reasons = reasons == null ? List.of() : reasons;
        log = log == null ? List.of() : log;
    }
}

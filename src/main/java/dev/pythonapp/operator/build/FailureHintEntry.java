package dev.pythonapp.operator.build;

import java.util.ArrayList;
import java.util.List;

/** The YAML form of one entry of failure-hints.yaml; unknown keys are errors, checks are in BuildFailureHints. */
class FailureHintEntry {
    public String id;
    public String source;
    public List<String> reasons = new ArrayList<>();
    public List<String> log = new ArrayList<>();
    public String hint;
    public Example example;

    static class Example {
        public String reason;
        public String log;
    }
}

package dev.pythonapp.operator.build;

import java.util.List;
import java.util.Map;

/**
 * Whether to request a build, decided only from the input digests kept in status and those of the BuildConfig just
 * applied: a restart, a resync or a no-op reconcile finds equal digests and requests nothing, and a change made
 * while a build runs requests exactly one more (the BuildConfig's Serial run policy queues it).
 */
public sealed interface BuildRequestPlan {

    /** Nothing to do: inputs unchanged, or builds are paused (the change is requested once they resume). */
    record Nothing() implements BuildRequestPlan {}

    /**
     * First sight of the app's inputs: record them. OpenShift's ConfigChange trigger starts the first build of a new
     * BuildConfig by itself (and only then), so requesting one too would build twice.
     */
    record Record(Map<String, String> inputs) implements BuildRequestPlan {}

    /** Inputs changed: request one build, saying which. */
    record Request(Map<String, String> inputs, List<String> changed, String triggeredBy) implements BuildRequestPlan {}

    static BuildRequestPlan decide(boolean paused, Map<String, String> recorded, Map<String, String> current) {
        if (paused) {
            return new Nothing();
        }
        if (recorded == null) {
            return new Record(current);
        }
        List<String> changed = BuildInputs.changed(recorded, current);
        return changed.isEmpty() ? new Nothing() : new Request(current, changed, BuildInputs.describeChange(changed));
    }
}

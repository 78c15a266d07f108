package dev.pythonapp.operator.reconcile;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Condition types, reasons, and the rule that keeps lastTransitionTime stable while a condition's status holds. */
public final class Conditions {
    public static final String RECONCILED = "Reconciled";
    public static final String READY = "Ready";
    public static final String BUILDER_SUPPORTED = "BuilderSupported";

    /** Order in status.conditions. */
    private static final List<String> ORDER = List.of(RECONCILED, READY, BUILDER_SUPPORTED);

    private Conditions() {}

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        return conditions == null
                ? Optional.empty()
                : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    /**
     * Returns {@code conditions} with {@code type} set. The previous lastTransitionTime is kept when the status did
     * not change, so a reconcile that finds nothing new produces an identical list (and no write).
     */
    public static List<Condition> with(
            List<Condition> conditions,
            String type,
            boolean status,
            String reason,
            String message,
            long generation,
            Instant now) {
        String statusText = status ? "True" : "False";
        Optional<Condition> previous = find(conditions, type);
        String transition = previous.filter(p -> Objects.equals(p.getStatus(), statusText))
                .map(Condition::getLastTransitionTime)
                .orElse(now.toString());
        Condition next = new ConditionBuilder()
                .withType(type)
                .withStatus(statusText)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(generation)
                .withLastTransitionTime(transition)
                .build();
        List<Condition> result = new ArrayList<>(conditions == null ? List.of() : conditions);
        result.removeIf(c -> type.equals(c.getType()));
        result.add(next);
        result.sort((a, b) -> Integer.compare(rank(a.getType()), rank(b.getType())));
        return result;
    }

    public static List<Condition> without(List<Condition> conditions, String type) {
        List<Condition> result = new ArrayList<>(conditions == null ? List.of() : conditions);
        result.removeIf(c -> type.equals(c.getType()));
        return result;
    }

    private static int rank(String type) {
        int i = ORDER.indexOf(type);
        return i < 0 ? ORDER.size() : i;
    }
}

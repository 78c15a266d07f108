package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import dev.pythonapp.operator.api.Vocabulary.ConditionType;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Sets conditions by reason, and keeps lastTransitionTime stable while a condition's status holds. */
public final class Conditions {
    private Conditions() {}

    public static Optional<Condition> find(List<Condition> conditions, ConditionType type) {
        return conditions == null
                ? Optional.empty()
                : conditions.stream().filter(c -> type.id().equals(c.getType())).findFirst();
    }

    /**
     * Returns {@code conditions} with the condition of the reason's type set to the reason (and its status). The
     * previous lastTransitionTime is kept when the status did not change, so a reconcile that finds nothing new
     * produces an identical list (and no write). Conditions are listed in {@link ConditionType} order, foreign ones
     * last.
     */
    public static List<Condition> with(
            List<Condition> conditions, ConditionReason reason, String message, long generation, Instant now) {
        ConditionType type = reason.type();
        String statusText = reason.status().id();
        Optional<Condition> previous = find(conditions, type);
        String transition = previous.filter(p -> Objects.equals(p.getStatus(), statusText))
                .map(Condition::getLastTransitionTime)
                .orElse(now.toString());
        Condition next = new ConditionBuilder()
                .withType(type.id())
                .withStatus(statusText)
                .withReason(reason.id())
                .withMessage(message)
                .withObservedGeneration(generation)
                .withLastTransitionTime(transition)
                .build();
        List<Condition> result = without(conditions, type);
        result.add(next);
        result.sort(Comparator.comparingInt(c -> rank(c.getType())));
        return result;
    }

    public static List<Condition> without(List<Condition> conditions, ConditionType type) {
        List<Condition> result = new ArrayList<>(conditions == null ? List.of() : conditions);
        result.removeIf(c -> type.id().equals(c.getType()));
        return result;
    }

    private static int rank(String type) {
        return ConditionType.byId(type).map(Enum::ordinal).orElse(ConditionType.values().length);
    }
}

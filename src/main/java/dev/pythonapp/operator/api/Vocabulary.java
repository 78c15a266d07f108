package dev.pythonapp.operator.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The words the operator reports in: condition types and reasons in status, and the reasons and types of its Events.
 * Status, events, annotations and the Argo CD health check (whose test reads these values) use them from here only.
 */
public final class Vocabulary {
    private Vocabulary() {}

    /** Condition types of status.conditions, declared in the order they are listed there. */
    public enum ConditionType {
        RECONCILED("Reconciled"),
        READY("Ready"),
        BUILDER_SUPPORTED("BuilderSupported");

        private final String id;

        ConditionType(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Optional<ConditionType> byId(String id) {
            return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
        }
    }

    /** Condition reasons. Each belongs to one condition type and always comes with the same status. */
    public enum ConditionReason {
        APPLIED("Applied", ConditionType.RECONCILED, true),
        OBJECT_IN_THE_WAY("ObjectInTheWay", ConditionType.RECONCILED, false),
        RECONCILE_ERROR("ReconcileError", ConditionType.RECONCILED, false),
        INVALID_PYTHON_VERSION("InvalidPythonVersion", ConditionType.RECONCILED, false),
        INVALID_BUILDER_COMBINATION("InvalidBuilderCombination", ConditionType.RECONCILED, false),
        AVAILABLE("Available", ConditionType.READY, true),
        DEPLOYMENT_NOT_AVAILABLE("DeploymentNotAvailable", ConditionType.READY, false),
        NOT_RECONCILED("NotReconciled", ConditionType.READY, false),
        SUPPORTED("Supported", ConditionType.BUILDER_SUPPORTED, true),
        END_OF_LIFE_SOON("EndOfLifeSoon", ConditionType.BUILDER_SUPPORTED, true),
        REWRITTEN("Rewritten", ConditionType.BUILDER_SUPPORTED, true),
        /** An explicit image the catalog does not know: its end of life is unknown, so it is not held against it. */
        NOT_IN_CATALOG("NotInCatalog", ConditionType.BUILDER_SUPPORTED, true),
        END_OF_LIFE("EndOfLife", ConditionType.BUILDER_SUPPORTED, false);

        private final String id;
        private final ConditionType type;
        private final boolean status;

        ConditionReason(String id, ConditionType type, boolean status) {
            this.id = id;
            this.type = type;
            this.status = status;
        }

        public String id() {
            return id;
        }

        public ConditionType type() {
            return type;
        }

        /** The condition's status with this reason: true is "True", false is "False". */
        public boolean status() {
            return status;
        }

        public static Optional<ConditionReason> byId(String id) {
            return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
        }
    }

    /** Event types of the core/v1 Event API. */
    public enum EventType {
        NORMAL("Normal"),
        WARNING("Warning");

        private final String id;

        EventType(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** Reasons of the Events the operator records, each with its type. */
    public enum EventReason {
        BUILDER_REWRITTEN("BuilderRewritten", EventType.NORMAL),
        BUILDER_END_OF_LIFE("BuilderEndOfLife", EventType.WARNING),
        BUILDER_END_OF_LIFE_SOON("BuilderEndOfLifeSoon", EventType.WARNING),
        CATALOG_APPLIED("CatalogApplied", EventType.NORMAL),
        INVALID_CATALOG("InvalidCatalog", EventType.WARNING);

        private final String id;
        private final EventType type;

        EventReason(String id, EventType type) {
            this.id = id;
            this.type = type;
        }

        public String id() {
            return id;
        }

        public EventType type() {
            return type;
        }

        /** The Event that announces a builder lifecycle; supported and unknown builders are not news. */
        public static Optional<EventReason> announcing(ConditionReason builderLifecycle) {
            return switch (builderLifecycle) {
                case REWRITTEN -> Optional.of(BUILDER_REWRITTEN);
                case END_OF_LIFE -> Optional.of(BUILDER_END_OF_LIFE);
                case END_OF_LIFE_SOON -> Optional.of(BUILDER_END_OF_LIFE_SOON);
                default -> Optional.empty();
            };
        }
    }
}

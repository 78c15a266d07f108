package dev.pythonapp.operator.api;

import java.util.Optional;

/**
 * The words the operator reports in: condition types and reasons in status, and the reasons and types of its Events.
 * Status, events, annotations and the Argo CD health check (whose test reads these values) use them from here only.
 */
public final class Vocabulary {
    private Vocabulary() {}

    /** Condition types of status.conditions, declared in the order they are listed there. */
    public enum ConditionType implements WireName.PascalCase {
        RECONCILED,
        READY,
        BUILDER_SUPPORTED,
        BUILT;

        public static Optional<ConditionType> byId(String id) {
            return WireName.byId(ConditionType.class, id);
        }
    }

    /** The status of a condition, as Kubernetes spells it. */
    public enum ConditionStatus implements WireName.PascalCase {
        TRUE,
        FALSE,
        UNKNOWN;
    }

    /** Condition reasons. Each belongs to one condition type and always comes with the same status. */
    public enum ConditionReason implements WireName.PascalCase {
        APPLIED(ConditionType.RECONCILED, ConditionStatus.TRUE),
        OBJECT_IN_THE_WAY(ConditionType.RECONCILED, ConditionStatus.FALSE),
        RECONCILE_ERROR(ConditionType.RECONCILED, ConditionStatus.FALSE),
        INVALID_PYTHON_VERSION(ConditionType.RECONCILED, ConditionStatus.FALSE),
        INVALID_BUILDER_COMBINATION(ConditionType.RECONCILED, ConditionStatus.FALSE),
        /**
         * spec.runtime or spec.build.packages cannot work: a builder the catalog does not know, or a run-time image
         * that is not the builder's OS and Python. The admission webhook refuses it; this reports it when the webhook
         * was not called.
         */
        INVALID_RUNTIME(ConditionType.RECONCILED, ConditionStatus.FALSE),
        AVAILABLE(ConditionType.READY, ConditionStatus.TRUE),
        DEPLOYMENT_NOT_AVAILABLE(ConditionType.READY, ConditionStatus.FALSE),
        /** No build has completed yet, so the Deployment has no image to run. */
        AWAITING_FIRST_BUILD(ConditionType.READY, ConditionStatus.FALSE),
        /** The Deployment is not available and the latest build did not complete. */
        LATEST_BUILD_FAILED(ConditionType.READY, ConditionStatus.FALSE),
        NOT_RECONCILED(ConditionType.READY, ConditionStatus.FALSE),
        SUPPORTED(ConditionType.BUILDER_SUPPORTED, ConditionStatus.TRUE),
        END_OF_LIFE_SOON(ConditionType.BUILDER_SUPPORTED, ConditionStatus.TRUE),
        REWRITTEN(ConditionType.BUILDER_SUPPORTED, ConditionStatus.TRUE),
        /** An explicit image the catalog does not know: its end of life is unknown, so it is not held against it. */
        NOT_IN_CATALOG(ConditionType.BUILDER_SUPPORTED, ConditionStatus.TRUE),
        END_OF_LIFE(ConditionType.BUILDER_SUPPORTED, ConditionStatus.FALSE),
        /** The latest build for the current build inputs completed. */
        BUILD_COMPLETE(ConditionType.BUILT, ConditionStatus.TRUE),
        /** A build for the current inputs is new, pending or running. */
        BUILDING(ConditionType.BUILT, ConditionStatus.UNKNOWN),
        /** No build for the current inputs exists yet: the first one, or one the operator requested. */
        AWAITING_BUILD(ConditionType.BUILT, ConditionStatus.UNKNOWN),
        BUILD_FAILED(ConditionType.BUILT, ConditionStatus.FALSE),
        BUILD_ERROR(ConditionType.BUILT, ConditionStatus.FALSE),
        BUILD_CANCELLED(ConditionType.BUILT, ConditionStatus.FALSE),
        /** eolPolicy Block: the BuildConfig is paused and the operator requests no build. */
        BUILDS_PAUSED(ConditionType.BUILT, ConditionStatus.FALSE),
        /** The API server does not serve buildconfigs/instantiate (not OpenShift, or the build API is off). */
        INSTANTIATE_NOT_SERVED(ConditionType.BUILT, ConditionStatus.FALSE),
        /** The build request failed for another reason; the operator retries with back-off. */
        BUILD_REQUEST_FAILED(ConditionType.BUILT, ConditionStatus.FALSE);

        private final ConditionType type;
        private final ConditionStatus status;

        ConditionReason(ConditionType type, ConditionStatus status) {
            this.type = type;
            this.status = status;
        }

        public ConditionType type() {
            return type;
        }

        /** The condition's status with this reason. */
        public ConditionStatus status() {
            return status;
        }

        public boolean isTrue() {
            return status == ConditionStatus.TRUE;
        }

        public static Optional<ConditionReason> byId(String id) {
            return WireName.byId(ConditionReason.class, id);
        }
    }

    /** Event types of the core/v1 Event API. */
    public enum EventType implements WireName.PascalCase {
        NORMAL,
        WARNING;
    }

    /** Reasons of the Events the operator records, each with its type. */
    public enum EventReason implements WireName.PascalCase {
        BUILDER_REWRITTEN(EventType.NORMAL),
        BUILDER_END_OF_LIFE(EventType.WARNING),
        BUILDER_END_OF_LIFE_SOON(EventType.WARNING),
        CATALOG_APPLIED(EventType.NORMAL),
        BUILD_REQUESTED(EventType.NORMAL),
        BUILD_COMPLETED(EventType.NORMAL),
        BUILD_FAILED(EventType.WARNING),
        BUILD_CANCELLED(EventType.WARNING),
        INVALID_CATALOG(EventType.WARNING);

        private final EventType type;

        EventReason(EventType type) {
            this.type = type;
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

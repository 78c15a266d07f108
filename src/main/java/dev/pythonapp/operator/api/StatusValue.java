package dev.pythonapp.operator.api;

import java.util.List;

/**
 * Base of the status classes: two statuses are equal when their values are, which is how the operator tells that a
 * status changed and needs writing. Each class lists its values once, in {@link #values()}.
 */
public abstract class StatusValue {

    /** Every field, in declaration order (nulls allowed). */
    protected abstract List<Object> values();

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && values().equals(((StatusValue) o).values());
    }

    @Override
    public final int hashCode() {
        return values().hashCode();
    }
}

package dev.pythonapp.operator.reconcile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Returns one shared instance per distinct value (by the structural equality of a key derived from it), so that
 * thousands of equal immutable values in a cache cost one. Bounded: once {@code capacity} distinct values are held,
 * new ones are returned as they are, so an unexpected variety of values cannot grow it without limit.
 */
final class Interner<T> {
    private final Map<Object, T> shared = new ConcurrentHashMap<>();
    private final Function<T, Object> key;
    private final int capacity;

    Interner(Function<T, Object> key, int capacity) {
        this.key = key;
        this.capacity = capacity;
    }

    T share(T value) {
        if (value == null) {
            return null;
        }
        Object k = key.apply(value);
        T existing = shared.get(k);
        if (existing != null) {
            return existing;
        }
        if (shared.size() >= capacity) {
            return value;
        }
        T raced = shared.putIfAbsent(k, value);
        return raced == null ? value : raced;
    }

    int size() {
        return shared.size();
    }
}

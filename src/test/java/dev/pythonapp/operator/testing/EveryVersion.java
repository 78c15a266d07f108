package dev.pythonapp.operator.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.function.Consumer;

/** An informer handler that sees every version of an object (added or updated) and every deletion. */
public record EveryVersion<T extends HasMetadata>(Consumer<T> seen, Consumer<T> deleted)
        implements ResourceEventHandler<T> {

    public static <T extends HasMetadata> EveryVersion<T> of(Consumer<T> seen) {
        return new EveryVersion<>(seen, t -> {});
    }

    @Override
    public void onAdd(T obj) {
        seen.accept(obj);
    }

    @Override
    public void onUpdate(T oldObj, T newObj) {
        seen.accept(newObj);
    }

    @Override
    public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        deleted.accept(obj);
    }
}

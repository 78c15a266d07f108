package dev.pythonapp.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.api.PythonApp;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PythonAppReconcilerTest {

    /** A cache whose keys can change, counting key listings and reads (each read decodes an app's JSON). */
    static final class CountingCache implements Cache<PythonApp> {
        final List<ResourceID> present = new ArrayList<>();
        final List<ResourceID> reads = new ArrayList<>();
        int keyListings;

        @Override
        public Optional<PythonApp> get(ResourceID id) {
            reads.add(id);
            return present.contains(id) ? Optional.of(new PythonApp()) : Optional.empty();
        }

        @Override
        public Stream<ResourceID> keys() {
            keyListings++;
            return List.copyOf(present).stream();
        }

        @Override
        public Stream<PythonApp> list(Predicate<PythonApp> predicate) {
            throw new AssertionError("not used");
        }
    }

    @Test
    void existenceComesFromOneSnapshotOfTheKeysAndReadsOnlyWhatTheSnapshotMisses() {
        ResourceID a = new ResourceID("a", "ns");
        ResourceID b = new ResourceID("b", "ns");
        ResourceID deleted = new ResourceID("gone", "ns");
        ResourceID addedLater = new ResourceID("new", "ns");
        CountingCache cache = new CountingCache();
        cache.present.addAll(Set.of(a, b));

        Predicate<ResourceID> exists = PythonAppReconciler.existsInSnapshot(cache);
        assertThat(cache.keyListings)
                .as("nothing listed before the first question")
                .isZero();
        assertThat(exists.test(a)).isTrue();
        assertThat(exists.test(b)).isTrue();
        assertThat(cache.reads).as("apps in the snapshot are not read").isEmpty();

        cache.present.add(addedLater);
        assertThat(exists.test(addedLater)).as("added after the snapshot").isTrue();
        assertThat(exists.test(deleted)).isFalse();
        assertThat(cache.keyListings).isEqualTo(1);
        assertThat(cache.reads).containsExactly(addedLater, deleted);
    }
}

package dev.pythonapp.operator.reconcile;

import dev.pythonapp.operator.api.PythonApp;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Map;
import java.util.Objects;

/**
 * Which updates of a PythonApp start a reconcile: a spec change (new generation), a new value of the rebuild
 * annotation (metadata only, so JOSDK's generation-aware filter would drop it), or deletion. Status writes, including
 * the operator's own, and other metadata changes start none.
 */
public class SpecOrRebuildChanged implements OnUpdateFilter<PythonApp> {

    @Override
    public boolean accept(PythonApp newApp, PythonApp oldApp) {
        return !Objects.equals(
                        newApp.getMetadata().getGeneration(),
                        oldApp.getMetadata().getGeneration())
                || !Objects.equals(rebuild(newApp), rebuild(oldApp))
                || newApp.isMarkedForDeletion();
    }

    private static String rebuild(PythonApp app) {
        Map<String, String> annotations = app.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(PythonApp.REBUILD_ANNOTATION);
    }
}

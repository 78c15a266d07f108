package dev.pythonapp.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.api.PythonAppStatus;
import dev.pythonapp.operator.testing.Fixtures;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecOrRebuildChangedTest {
    final SpecOrRebuildChanged filter = new SpecOrRebuildChanged();

    static PythonApp app(long generation, String rebuild) {
        PythonApp app = Fixtures.djangoEx().build();
        app.getMetadata().setGeneration(generation);
        Map<String, String> annotations = new HashMap<>();
        if (rebuild != null) {
            annotations.put(PythonApp.REBUILD_ANNOTATION, rebuild);
        }
        app.getMetadata().setAnnotations(annotations);
        return app;
    }

    @Test
    void aSpecChangeOrANewRebuildValueReconciles() {
        assertThat(filter.accept(app(2, null), app(1, null))).isTrue();
        assertThat(filter.accept(app(1, "2026-12-02"), app(1, null))).isTrue();
        assertThat(filter.accept(app(1, "2"), app(1, "1"))).isTrue();
    }

    @Test
    void statusAndOtherMetadataChangesDoNot() {
        PythonApp withStatus = app(1, "1");
        withStatus.setStatus(new PythonAppStatus());
        withStatus.getStatus().observedGeneration = 1L;
        withStatus.getMetadata().getAnnotations().put("team", "a");
        assertThat(filter.accept(withStatus, app(1, "1"))).isFalse();
    }
}

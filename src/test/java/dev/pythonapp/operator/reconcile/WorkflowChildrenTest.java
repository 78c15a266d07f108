package dev.pythonapp.operator.reconcile;

import static dev.pythonapp.operator.testing.Fixtures.CATALOG_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.render.RenderInput;
import dev.pythonapp.operator.testing.Fixtures;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.BuildConfig;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.Route;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The children ObjectsInTheWay checks come from the workflow annotation, conditions included. */
class WorkflowChildrenTest {
    // the conditions of this workflow do not read the context
    static final Context<PythonApp> NO_CONTEXT = null;

    static List<HasMetadata> wanted(List<WorkflowChildren.Child> children, PythonApp app) {
        RenderInput input = new RenderInput(app, Fixtures.decide(app.getSpec(), CATALOG_DAY), Optional.empty());
        return children.stream()
                .filter(c -> c.wanted(app, NO_CONTEXT))
                .map(c -> c.render(input))
                .toList();
    }

    @Test
    void everyDependentOfThePythonAppWorkflowIsAChildWithItsResourceType() {
        assertThat(WorkflowChildren.OF_PYTHON_APP)
                .extracting(WorkflowChildren.Child::name, WorkflowChildren.Child::type)
                .containsExactly(
                        tuple("imagestream", ImageStream.class),
                        tuple("buildconfig", BuildConfig.class),
                        tuple("gunicorn-config", ConfigMap.class),
                        tuple("deployment", Deployment.class),
                        tuple("service", Service.class),
                        tuple("route", Route.class));
        assertThat(WorkflowChildren.OF_PYTHON_APP)
                .hasSize(PythonAppReconciler.class.getAnnotation(Workflow.class).dependents().length);
    }

    @Test
    void withRouteAndHotDeployAnAppHasEveryChildNamedAsRendered() {
        PythonApp app = Fixtures.djangoEx().hotDeploy(true).build();
        assertThat(wanted(WorkflowChildren.OF_PYTHON_APP, app))
                .extracting(HasMetadata::getKind, c -> c.getMetadata().getName())
                .containsExactly(
                        tuple("ImageStream", "django-ex"),
                        tuple("BuildConfig", "django-ex"),
                        tuple("ConfigMap", "django-ex-gunicorn"),
                        tuple("Deployment", "django-ex"),
                        tuple("Service", "django-ex"),
                        tuple("Route", "django-ex"));
    }

    @Test
    void thePreconditionsDropTheRouteAndTheGunicornConfig() {
        PythonApp app = Fixtures.djangoEx().route(false, null, null).build();
        assertThat(wanted(WorkflowChildren.OF_PYTHON_APP, app))
                .extracting(HasMetadata::getKind)
                .containsExactly("ImageStream", "BuildConfig", "Deployment", "Service");
    }

    /** A child added to a workflow is checked without touching ObjectsInTheWay. */
    @Workflow(
            dependents = {
                @Dependent(name = "service", type = ServiceDependent.class),
                @Dependent(name = "extra", type = ExtraSecret.class, reconcilePrecondition = Never.class)
            })
    static class WorkflowWithAnExtraChild {}

    public static class ExtraSecret extends ChildDependent<Secret> {
        public ExtraSecret() {
            super(
                    Secret.class,
                    input -> new SecretBuilder()
                            .withNewMetadata()
                            .withName(input.name() + "-extra")
                            .endMetadata()
                            .build());
        }
    }

    public static class Never implements Condition<Secret, PythonApp> {
        @Override
        public boolean isMet(DependentResource<Secret, PythonApp> d, PythonApp app, Context<PythonApp> context) {
            return "never".equals(app.getMetadata().getName());
        }
    }

    @Test
    void aNewDependentIsAChildWithItsOwnPrecondition() {
        List<WorkflowChildren.Child> children = WorkflowChildren.declaredBy(WorkflowWithAnExtraChild.class);
        assertThat(children).extracting(WorkflowChildren.Child::type).containsExactly(Service.class, Secret.class);
        assertThat(wanted(children, Fixtures.app("never").pythonVersion("3.12").build()))
                .extracting(c -> c.getMetadata().getName())
                .containsExactly("never", "never-extra");
        assertThat(wanted(children, Fixtures.app("other").pythonVersion("3.12").build()))
                .extracting(c -> c.getMetadata().getName())
                .containsExactly("other");
    }

    @Workflow(dependents = {@Dependent(name = "plain", type = PlainSecret.class)})
    static class WorkflowWithAForeignDependent {}

    public static class PlainSecret extends CRUDKubernetesDependentResource<Secret, PythonApp> {
        public PlainSecret() {
            super(Secret.class);
        }
    }

    @Test
    void aDependentThatIsNotAChildDependentIsRefused() {
        assertThatThrownBy(() -> WorkflowChildren.declaredBy(WorkflowWithAForeignDependent.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dependent plain")
                .hasMessageContaining("is not a ChildDependent");
        assertThatThrownBy(() -> WorkflowChildren.declaredBy(String.class))
                .hasMessageContaining("declares no @Workflow");
    }
}

package dev.pythonapp.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The objects of a rendered install (helm template, kubectl kustomize) as typed fabric8 objects; kinds fabric8 has
 * no class for (cert-manager's Issuer and Certificate) are GenericKubernetesResources.
 */
record Manifests(String name, List<HasMetadata> items) {
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static Manifests parse(String name, String yaml) {
        Object parsed = SERIALIZATION.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        List<HasMetadata> items;
        if (parsed instanceof KubernetesList list) {
            items = list.getItems();
        } else if (parsed instanceof Collection<?> list) {
            items = list.stream()
                    .filter(Objects::nonNull)
                    .map(HasMetadata.class::cast)
                    .toList();
        } else if (parsed instanceof HasMetadata one) {
            items = List.of(one);
        } else {
            items = List.of();
        }
        return new Manifests(name, List.copyOf(items));
    }

    /** The kinds, sorted, once per object. */
    List<String> kinds() {
        return items.stream().map(HasMetadata::getKind).sorted().toList();
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return items.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<HasMetadata> ofKind(String kind) {
        return items.stream().filter(i -> kind.equals(i.getKind())).toList();
    }

    /** The only object of this type; fails if there is none or more than one. */
    <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type);
        assertThat(found).as("%s: one %s", name, type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    HasMetadata oneOfKind(String kind) {
        List<HasMetadata> found = ofKind(kind);
        assertThat(found).as("%s: one %s", name, kind).hasSize(1);
        return found.get(0);
    }

    Manifests without(String kind) {
        return new Manifests(
                name + " without " + kind,
                items.stream().filter(i -> !kind.equals(i.getKind())).toList());
    }

    static String id(HasMetadata o) {
        String ns = o.getMetadata().getNamespace();
        return o.getKind() + "/" + o.getMetadata().getName() + (ns == null ? "" : " (ns " + ns + ")");
    }
}

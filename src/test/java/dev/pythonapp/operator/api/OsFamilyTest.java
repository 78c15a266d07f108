package dev.pythonapp.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.pythonapp.operator.catalog.BuilderImage;
import dev.pythonapp.operator.catalog.CatalogLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** OsFamily and ImageVariant are the one list: the API enums, the CRD, the defaults and the catalog agree with them. */
class OsFamilyTest {
    static final String BUILDER = "/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/builder";

    static Set<String> selectableIds() {
        return Arrays.stream(OsFamily.values())
                .filter(OsFamily::selectable)
                .map(OsFamily::id)
                .collect(Collectors.toSet());
    }

    @Test
    void theApiOsEnumIsTheSelectableFamiliesWithTheirIdsAsJsonNames() throws NoSuchFieldException {
        assertThat(Arrays.stream(BuilderSpec.Os.values()).map(os -> os.family))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(OsFamily.DEFAULT_PREFERENCE);
        for (BuilderSpec.Os os : BuilderSpec.Os.values()) {
            assertThat(jsonName(BuilderSpec.Os.class, os.name()))
                    .as("JSON name of %s", os)
                    .isEqualTo(os.family.id());
        }
    }

    @Test
    void theApiVariantEnumIsEveryVariantWithItsIdAsJsonName() throws NoSuchFieldException {
        assertThat(Arrays.stream(BuilderSpec.Variant.values()).map(v -> v.variant))
                .containsExactly(ImageVariant.values());
        for (BuilderSpec.Variant v : BuilderSpec.Variant.values()) {
            assertThat(jsonName(BuilderSpec.Variant.class, v.name())).isEqualTo(v.variant.id());
        }
    }

    @Test
    void theCrdEnumsAreTheSelectableFamiliesAndTheVariants() throws IOException {
        List<Path> crds = new ArrayList<>(List.of(Path.of("crds", "pythonapps.pythonapp.dev-v1.yml")));
        Path generated = Path.of("target", "kubernetes", "pythonapps.pythonapp.dev-v1.yml");
        if (Files.exists(generated)) {
            crds.add(generated);
        }
        for (Path crd : crds) {
            JsonNode builder = new YAMLMapper().readTree(crd.toFile()).at(BUILDER);
            assertThat(texts(builder.at("/properties/os/enum")))
                    .as("os enum in %s", crd)
                    .isEqualTo(selectableIds());
            assertThat(texts(builder.at("/properties/variant/enum")))
                    .as("variant enum in %s", crd)
                    .isEqualTo(Arrays.stream(ImageVariant.values())
                            .map(ImageVariant::id)
                            .collect(Collectors.toSet()));
        }
    }

    @Test
    void theDefaultOrderIsDocumentedInTheApi() throws NoSuchFieldException {
        List<String> order =
                OsFamily.DEFAULT_PREFERENCE.stream().map(OsFamily::id).toList();
        assertThat(order).containsExactly("ubi9", "ubi10", "ubi8", "c10s", "c9s", "fedora");
        String description = BuilderSpec.class
                .getField("os")
                .getAnnotation(JsonPropertyDescription.class)
                .value();
        assertThat(description).contains("the first of " + String.join(", ", order) + " that has");
    }

    @Test
    void laterGenerationsFollowTheLineage() {
        assertThat(OsFamily.UBI7.laterGenerations()).containsExactly(OsFamily.UBI8, OsFamily.UBI9, OsFamily.UBI10);
        assertThat(OsFamily.UBI9.laterGenerations()).containsExactly(OsFamily.UBI10);
        assertThat(OsFamily.CENTOS7.laterGenerations()).containsExactly(OsFamily.C8S, OsFamily.C9S, OsFamily.C10S);
        assertThat(OsFamily.C10S.laterGenerations()).isEmpty();
        assertThat(OsFamily.FEDORA.laterGenerations()).isEmpty();
        assertThat(OsFamily.byId("ubi10")).contains(OsFamily.UBI10);
        assertThat(OsFamily.byId("rhel9")).isEmpty();
    }

    @Test
    void theBuiltInCatalogHasImagesForEverySelectableFamilyAndVariant() {
        List<BuilderImage> images = CatalogLoader.builtIn().images();
        assertThat(images.stream().map(BuilderImage::os).collect(Collectors.toSet()))
                .containsAll(OsFamily.DEFAULT_PREFERENCE);
        assertThat(images.stream().map(BuilderImage::variant).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ImageVariant.values());
    }

    static String jsonName(Class<? extends Enum<?>> type, String constant) throws NoSuchFieldException {
        return type.getField(constant).getAnnotation(JsonProperty.class).value();
    }

    static Set<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("an enum array").isTrue();
        return Stream.iterate(0, i -> i < array.size(), i -> i + 1)
                .map(i -> array.get(i).asText())
                .collect(Collectors.toSet());
    }
}

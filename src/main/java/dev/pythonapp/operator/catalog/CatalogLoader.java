package dev.pythonapp.operator.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.pythonapp.operator.api.ImageVariant;
import dev.pythonapp.operator.api.OsFamily;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Reads, merges and validates catalog documents. */
public final class CatalogLoader {
    public static final String BUILT_IN = "/catalog/builders.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CatalogLoader() {}

    /** The catalog shipped in the operator jar. */
    public static BuilderCatalog builtIn() {
        return toCatalog(readBuiltIn());
    }

    public static CatalogDocument readBuiltIn() {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("built-in catalog " + BUILT_IN + " missing from the classpath");
            }
            return YAML.readValue(in, CatalogDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a YAML catalog document; syntax and unknown keys are reported as a {@link CatalogException}. */
    public static CatalogDocument parse(String yaml) {
        try {
            CatalogDocument doc = YAML.readValue(yaml, CatalogDocument.class);
            if (doc == null) {
                throw new CatalogException(List.of("the document is empty"));
            }
            return doc;
        } catch (IOException e) {
            throw new CatalogException(List.of("not a catalog document: " + firstLine(e.getMessage())));
        }
    }

    /**
     * Overlays {@code override} on {@code base}: images replace same-named ones or are added, Python releases replace
     * the same version, sources and ImageStream tag aliases are merged.
     */
    public static CatalogDocument merge(CatalogDocument base, CatalogDocument override) {
        CatalogDocument merged = new CatalogDocument();
        merged.sources.putAll(base.sources);
        merged.sources.putAll(override.sources);
        merged.python.addAll(overlay(base.python, override.python, r -> r.version));
        merged.images.addAll(overlay(base.images, override.images, i -> i.name));
        merged.imageStreamTagAliases.putAll(base.imageStreamTagAliases);
        merged.imageStreamTagAliases.putAll(override.imageStreamTagAliases);
        merged.communityImages.addAll(overlay(base.communityImages, override.communityImages, c -> c.repository));
        return merged;
    }

    /** {@code base} in its order with entries of the same key replaced by {@code override}'s, then the new ones. */
    private static <T> Collection<T> overlay(List<T> base, List<T> override, Function<T, String> key) {
        Map<String, T> byKey = new LinkedHashMap<>();
        base.forEach(entry -> byKey.put(key.apply(entry), entry));
        override.forEach(entry -> byKey.put(key.apply(entry), entry));
        return byKey.values();
    }

    /** Validates a document and builds the catalog; every problem is listed in the exception. */
    public static BuilderCatalog toCatalog(CatalogDocument doc) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (CatalogDocument.Image i : doc.images) {
            String where = "image " + (i.name == null ? "(unnamed)" : i.name);
            require(problems, where, "name", i.name);
            require(problems, where, "python", i.python);
            require(problems, where, "image", i.image);
            require(problems, where, "vendorEol", i.vendorEol);
            require(problems, where, "vendorEolSource", i.vendorEolSource);
            if (i.name != null && !names.add(i.name)) {
                problems.add(where + ": duplicate name");
            }
            if (i.python != null && !i.python.matches("[23]\\.[0-9]{1,2}")) {
                problems.add(where + ": python must look like 3.12, got " + i.python);
            }
            if (OsFamily.byId(i.os).isEmpty()) {
                problems.add(where + ": os must be one of " + ids(OsFamily.values()) + ", got " + i.os);
            }
            if (ImageVariant.byId(i.variant).isEmpty()) {
                problems.add(where + ": variant must be one of " + ids(ImageVariant.values()) + ", got " + i.variant);
            }
            checkSource(problems, doc, where, i.vendorEolSource);
            if (i.removedSource != null) {
                checkSource(problems, doc, where, i.removedSource);
            }
        }
        for (CatalogDocument.Image i : doc.images) {
            if (i.successor != null && !names.contains(i.successor)) {
                problems.add("image " + i.name + ": successor " + i.successor + " is not in the catalog");
            }
        }
        for (CatalogDocument.Release r : doc.python) {
            String where = "python " + r.version;
            require(problems, where, "version", r.version);
            require(problems, where, "eol", r.eol);
            checkSource(problems, doc, where, r.source);
        }
        doc.imageStreamTagAliases.forEach((tag, name) -> {
            if (!names.contains(name)) {
                problems.add("imageStreamTagAliases " + tag + ": " + name + " is not in the catalog");
            }
        });
        Set<String> releaseVersions = new HashSet<>();
        doc.python.forEach(r -> releaseVersions.add(r.version));
        for (CatalogDocument.Community c : doc.communityImages) {
            String where = "communityImages " + (c.repository == null ? "(unnamed)" : c.repository);
            require(problems, where, "repository", c.repository);
            checkSource(problems, doc, where, c.source);
            // judged on the CPython date: a version without one could never be assessed
            c.versions.stream()
                    .filter(v -> !releaseVersions.contains(v))
                    .forEach(v -> problems.add(where + ": version " + v + " has no python entry with an eol date"));
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        List<BuilderImage> images =
                doc.images.stream().map(CatalogLoader::toImage).toList();
        List<PythonRelease> releases = doc.python.stream()
                .map(r -> new PythonRelease(r.version, r.eol, r.source, r.note))
                .toList();
        List<CommunityRepository> community = doc.communityImages.stream()
                .map(c -> new CommunityRepository(
                        c.repository, c.aliases, c.versions, c.flavours, c.baseFlavours, c.source))
                .toList();
        return new BuilderCatalog(images, releases, doc.sources, doc.imageStreamTagAliases, community);
    }

    /** A validated catalog entry as a {@link BuilderImage}. */
    private static BuilderImage toImage(CatalogDocument.Image i) {
        var names = new BuilderImage.Names(
                i.image,
                i.aliases == null ? List.of() : i.aliases,
                i.imageStreamTags == null ? List.of() : i.imageStreamTags);
        var vendorEol = new BuilderImage.VendorEol(i.vendorEol, i.vendorEolSource, i.vendorEolNote);
        return new BuilderImage(
                i.name,
                i.python,
                OsFamily.byId(i.os).orElseThrow(),
                ImageVariant.byId(i.variant).orElseThrow(),
                names,
                vendorEol,
                Optional.ofNullable(i.successor));
    }

    /** The ids of {@code values}, sorted: "[c10s, c8s, ...]". */
    private static String ids(Object[] values) {
        return Arrays.stream(values).map(String::valueOf).sorted().toList().toString();
    }

    private static void require(List<String> problems, String where, String field, Object value) {
        if (value == null) {
            problems.add(where + ": " + field + " is required");
        }
    }

    private static void checkSource(List<String> problems, CatalogDocument doc, String where, String source) {
        if (source == null) {
            problems.add(where + ": source is required");
        } else if (!doc.sources.containsKey(source)) {
            problems.add(where + ": source " + source + " is not defined under sources");
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}

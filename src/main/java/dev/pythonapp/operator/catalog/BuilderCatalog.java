package dev.pythonapp.operator.catalog;

import dev.pythonapp.operator.api.ImageVariant;
import dev.pythonapp.operator.api.OsFamily;
import dev.pythonapp.operator.api.Vocabulary.ConditionReason;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The builder-image catalog: every known sclorg Python builder image, upstream CPython dates, and the tags of the
 * {@code openshift/python} ImageStream. Immutable and free of cluster calls.
 */
public final class BuilderCatalog {
    private final Map<String, BuilderImage> imagesByName;
    private final Map<String, PythonRelease> releases;
    private final Map<String, String> sources;
    private final Map<String, String> imageStreamTagAliases;
    /** registry/repository of every name and alias -> image, so a lookup parses only the reference it is given. */
    private final Map<String, BuilderImage> imagesByRepository = new LinkedHashMap<>();
    /** registry/repository of every community repository and alias -> repository. */
    private final Map<String, CommunityRepository> communityByRepository = new LinkedHashMap<>();

    public BuilderCatalog(
            List<BuilderImage> images,
            List<PythonRelease> releases,
            Map<String, String> sources,
            Map<String, String> imageStreamTagAliases) {
        this(images, releases, sources, imageStreamTagAliases, List.of());
    }

    public BuilderCatalog(
            List<BuilderImage> images,
            List<PythonRelease> releases,
            Map<String, String> sources,
            Map<String, String> imageStreamTagAliases,
            List<CommunityRepository> community) {
        this.imagesByName = new LinkedHashMap<>();
        images.forEach(i -> imagesByName.put(i.name(), i));
        this.releases = new LinkedHashMap<>();
        releases.forEach(r -> this.releases.put(r.version(), r));
        this.sources = Map.copyOf(sources);
        this.imageStreamTagAliases = Map.copyOf(imageStreamTagAliases);
        images.forEach(i -> i.pullSpecs()
                .forEach(ref ->
                        imagesByRepository.putIfAbsent(ImageReference.parse(ref).repositoryPath(), i)));
        community.forEach(c -> c.repositories()
                .forEach(ref -> communityByRepository.putIfAbsent(
                        ImageReference.parse(ref).repositoryPath(), c)));
    }

    public List<CommunityRepository> communityRepositories() {
        return communityByRepository.values().stream().distinct().toList();
    }

    /**
     * The community image behind a reference such as {@code python:3.8-slim} or
     * {@code docker.io/library/python:3.8.18-alpine3.19}: a known repository, a tag with a known Python version and
     * flavour. The repository keeps the spelling of the reference.
     */
    public Optional<CommunityImage> findCommunityImage(String reference) {
        ImageReference ref = ImageReference.parse(reference);
        CommunityRepository repository = communityByRepository.get(ref.repositoryPath());
        if (repository == null) {
            return Optional.empty();
        }
        String written = reference.trim();
        int end = written.indexOf('@') >= 0 ? written.indexOf('@') : written.length();
        String withoutDigest = written.substring(0, end);
        String spelling = ref.tag() == null
                ? withoutDigest
                : withoutDigest.substring(0, withoutDigest.length() - ref.tag().length() - 1);
        return repository
                .versionAndFlavour(ref.tag())
                .flatMap(
                        vf -> release(vf[0]).map(r -> new CommunityImage(spelling, vf[0], vf[1], r.eol(), r.source())));
    }

    /** The same community repository at another Python version, in the flavour a successor gets. */
    public Optional<CommunityImage> communityImage(CommunityImage image, String python) {
        return Optional.ofNullable(communityByRepository.get(
                        ImageReference.parse(image.repository()).repositoryPath()))
                .filter(c -> c.versions().contains(python))
                .flatMap(c -> release(python)
                        .map(r -> new CommunityImage(
                                image.repository(), python, c.successorFlavour(image.flavour()), r.eol(), r.source())));
    }

    /** Python versions the repository behind {@code image} has published, in catalog order. */
    public List<String> communityVersions(CommunityImage image) {
        return Optional.ofNullable(communityByRepository.get(
                        ImageReference.parse(image.repository()).repositoryPath()))
                .map(CommunityRepository::versions)
                .orElse(List.of());
    }

    public List<BuilderImage> images() {
        return List.copyOf(imagesByName.values());
    }

    public Optional<BuilderImage> byName(String name) {
        return Optional.ofNullable(imagesByName.get(name));
    }

    public Optional<PythonRelease> release(String pythonVersion) {
        return Optional.ofNullable(releases.get(pythonVersion));
    }

    public List<PythonRelease> releases() {
        return List.copyOf(releases.values());
    }

    public Map<String, String> sources() {
        return sources;
    }

    public Map<String, String> imageStreamTagAliases() {
        return imageStreamTagAliases;
    }

    /** The catalog image behind any registry name of it, with or without tag or digest. */
    public Optional<BuilderImage> findByReference(String reference) {
        return Optional.ofNullable(
                imagesByRepository.get(ImageReference.parse(reference).repositoryPath()));
    }

    /** The catalog image behind a tag of the {@code openshift/python} ImageStream, e.g. {@code 3.8-ubi8} or {@code latest}. */
    public Optional<BuilderImage> findByImageStreamTag(String tag) {
        Optional<BuilderImage> direct = imagesByName.values().stream()
                .filter(i -> i.imageStreamTags().contains(tag))
                .findFirst();
        return direct.isPresent()
                ? direct
                : Optional.ofNullable(imageStreamTagAliases.get(tag)).flatMap(this::byName);
    }

    /**
     * Picks one image for a Python version, OS and variant; {@code os} and {@code variant} may be null for the
     * documented defaults. The defaults depend on the catalog only, never on the day: an app's builder does not move
     * to another OS by itself when its image reaches end of life; the end-of-life policy handles that, visibly.
     * {@code supported} only shapes the list of valid versions in error messages.
     */
    public Resolution resolve(String python, OsFamily os, ImageVariant variant, Predicate<BuilderImage> supported) {
        List<BuilderImage> forVersion = imagesByName.values().stream()
                .filter(i -> i.python().equals(python))
                .toList();
        if (forVersion.isEmpty()) {
            return new Resolution.Unresolvable(
                    ConditionReason.INVALID_PYTHON_VERSION,
                    "Python " + python + " has no builder image in the catalog. Valid pythonVersion values: "
                            + describeVersions(supported));
        }
        OsFamily chosenOs = os != null ? os : chooseDefaultOs(forVersion, variant);
        List<BuilderImage> forOs =
                forVersion.stream().filter(i -> i.os() == chosenOs).toList();
        if (forOs.isEmpty()) {
            return new Resolution.Unresolvable(
                    ConditionReason.INVALID_BUILDER_COMBINATION,
                    "Python " + python + " has no builder image on " + chosenOs + ". Python " + python
                            + " is available on: " + describeOses(forVersion));
        }
        List<BuilderImage> forVariant = variant == null
                ? forOs.stream().filter(i -> i.isVariant(ImageVariant.FULL)).toList()
                : forOs.stream().filter(i -> i.isVariant(variant)).toList();
        if (forVariant.isEmpty() && variant == null) {
            forVariant = forOs;
        }
        if (forVariant.isEmpty()) {
            return new Resolution.Unresolvable(
                    ConditionReason.INVALID_BUILDER_COMBINATION,
                    "Python " + python + " on " + chosenOs + " has no " + variant + " image. Python " + python
                            + " is available on: " + describeOses(forVersion));
        }
        // Several entries for one combination (e.g. a retired and a current repository): the longest-lived wins.
        return new Resolution.Resolved(forVariant.stream()
                .max(Comparator.comparing(
                        (BuilderImage i) -> i.vendorEol().date(), Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElseThrow());
    }

    private static OsFamily chooseDefaultOs(List<BuilderImage> forVersion, ImageVariant variant) {
        Predicate<BuilderImage> variantOk = i -> variant == null || i.isVariant(variant);
        for (OsFamily os : OsFamily.DEFAULT_PREFERENCE) {
            if (forVersion.stream().anyMatch(i -> i.os() == os && variantOk.test(i))) {
                return os;
            }
        }
        return forVersion.stream()
                .filter(variantOk)
                .map(BuilderImage::os)
                .min(Comparator.comparing(OsFamily::id))
                .orElse(forVersion.get(0).os());
    }

    private String describeVersions(Predicate<BuilderImage> supported) {
        TreeSet<String> versions = new TreeSet<>(PythonVersions.ORDER);
        imagesByName.values().stream().filter(supported).forEach(i -> versions.add(i.python()));
        return versions.isEmpty() ? "(none supported)" : String.join(", ", versions) + " (with a supported builder)";
    }

    /** "c10s (full, minimal), fedora (full)": only OS values that spec.builder.os accepts. */
    static String describeOses(List<BuilderImage> images) {
        Map<OsFamily, TreeSet<String>> variantsByOs =
                new TreeMap<>(Comparator.comparingInt(OsFamily.DEFAULT_PREFERENCE::indexOf));
        images.stream()
                .filter(i -> i.os().selectable())
                .forEach(i -> variantsByOs
                        .computeIfAbsent(i.os(), k -> new TreeSet<>())
                        .add(i.variant().id()));
        if (variantsByOs.isEmpty()) {
            return "no OS that spec.builder.os accepts (only retired images)";
        }
        return variantsByOs.entrySet().stream()
                .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining(", "));
    }

    /** Upstream CPython end of life for the image's Python version, if the catalog knows it. */
    public Optional<LocalDate> upstreamEol(BuilderImage image) {
        return release(image.python()).map(PythonRelease::eol);
    }

    /** Outcome of {@link #resolve}. */
    public sealed interface Resolution {
        record Resolved(BuilderImage image) implements Resolution {}

        /** {@code message} lists the valid choices. */
        record Unresolvable(ConditionReason reason, String message) implements Resolution {}
    }
}

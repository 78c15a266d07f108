package dev.pythonapp.operator.scan;

import dev.pythonapp.operator.api.ImageVariant;
import dev.pythonapp.operator.api.OsFamily;
import dev.pythonapp.operator.catalog.BuilderCatalog;
import dev.pythonapp.operator.catalog.BuilderImage;
import dev.pythonapp.operator.catalog.CommunityImage;
import dev.pythonapp.operator.catalog.ImageReference;
import dev.pythonapp.operator.eol.BuildConfigBuilders;
import dev.pythonapp.operator.eol.BuilderPolicy;
import dev.pythonapp.operator.eol.Lifecycle;
import dev.pythonapp.operator.eol.LifecycleState;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Judges image references found in files with the operator's catalog and lifecycle rules, and computes the successor
 * in the same form (registry spelling, tag style, ImageStreamTag, pythonVersion). Pure: the day is fixed.
 */
public final class ImageAssessor {
    /** The basis of every community image: it has no vendor date. */
    public static final String COMMUNITY_BASIS = "upstream CPython date";

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@+-]*");

    private final Lifecycle lifecycle;
    private final BuilderCatalog catalog;
    private final LocalDate today;

    public ImageAssessor(Lifecycle lifecycle, LocalDate today) {
        this.lifecycle = lifecycle;
        this.catalog = lifecycle.catalog();
        this.today = today;
    }

    public LocalDate today() {
        return today;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /** Cheap test before parsing: could this text be a Python image reference at all? */
    public static boolean mayBeReference(String text) {
        return text.length() < 300
                && text.toLowerCase(java.util.Locale.ROOT).contains("python")
                && REFERENCE.matcher(text).matches();
    }

    /** Whether an image sets PIP_NO_CACHE_DIR itself: every sclorg builder does (facts §1.2). */
    public boolean setsPipNoCacheDir(String reference) {
        return mayBeReference(reference) && sclorgImage(reference).isPresent();
    }

    /** A pull spec ({@code registry.access.redhat.com/ubi8/python-38:1-100}, {@code python:3.8-slim}). */
    public Optional<ImageAssessment> reference(String written) {
        if (!mayBeReference(written)) {
            return Optional.empty();
        }
        Optional<BuilderImage> byRegistry = catalog.findByReference(written);
        if (byRegistry.isPresent()) {
            return Optional.of(sclorg(written, byRegistry.get(), false));
        }
        Optional<BuilderImage> byName = bareName(written);
        if (byName.isPresent()) {
            return Optional.of(sclorg(written, byName.get(), true));
        }
        return catalog.findCommunityImage(written).map(c -> community(written, c));
    }

    /** A catalog image or one by its bare name when no registry is written (Helm values: {@code ubi8/python-38}). */
    private Optional<BuilderImage> sclorgImage(String written) {
        return catalog.findByReference(written).or(() -> bareName(written));
    }

    private Optional<BuilderImage> bareName(String written) {
        ImageReference ref = ImageReference.parse(written);
        boolean noRegistry = !written.startsWith(ref.registry() + "/");
        return noRegistry ? catalog.byName(ref.repository()) : Optional.empty();
    }

    private ImageAssessment sclorg(String written, BuilderImage image, boolean bareName) {
        LifecycleState state = lifecycle.state(image, today);
        Optional<BuilderImage> successor =
                state == LifecycleState.SUPPORTED ? Optional.empty() : lifecycle.successor(image, today);
        Optional<String> replacement = state == LifecycleState.END_OF_LIFE
                ? successor.map(s -> sameForm(written, s, bareName))
                : Optional.empty();
        return new ImageAssessment(
                written,
                image.name(),
                image.python(),
                state,
                lifecycle.eolDate(image),
                lifecycle.basis().id() + " basis, " + lifecycle.eolDateKind(image) + " date",
                successor.map(BuilderImage::name),
                replacement,
                Optional.empty());
    }

    /**
     * The successor written like the original: the operator's registry rule, then the original's spelling: no
     * registry when none was written, no tag when none was written, else {@code latest} (an old tag or digest
     * names a build of the old image).
     */
    static String sameForm(String written, BuilderImage successor, boolean bareName) {
        ImageReference original = ImageReference.parse(written);
        ImageReference next = ImageReference.parse(BuilderPolicy.successorReference(written, successor));
        String repository;
        if (bareName) {
            repository = successor.name();
        } else if (written.startsWith(original.registry() + "/")
                || !next.registry().equals(original.registry())) {
            repository = next.repositoryPath();
        } else {
            repository = next.repository().replaceFirst("^library/", ""); // Docker Hub short form stays short
        }
        boolean tagged = original.tag() != null || original.digest() != null;
        return tagged ? repository + ":latest" : repository;
    }

    private ImageAssessment community(String written, CommunityImage image) {
        LifecycleState state = lifecycle.state(image, today);
        Optional<CommunityImage> successor =
                state == LifecycleState.SUPPORTED ? Optional.empty() : lifecycle.successor(image, today);
        return new ImageAssessment(
                written,
                image.name(),
                image.python(),
                state,
                image.eol(),
                COMMUNITY_BASIS,
                successor.map(CommunityImage::name),
                state == LifecycleState.END_OF_LIFE ? successor.map(CommunityImage::reference) : Optional.empty(),
                Optional.empty());
    }

    /** A tag of the {@code openshift/python} ImageStream, as in a BuildConfig's {@code from}. */
    public Optional<ImageAssessment> imageStreamTag(String namespace, String name) {
        ObjectReference ref = new ObjectReferenceBuilder()
                .withKind("ImageStreamTag")
                .withNamespace(namespace)
                .withName(name)
                .build();
        return BuildConfigBuilders.identify(ref, catalog).map(image -> {
            ImageAssessment a = sclorg(name, image, false);
            if (a.replacement().isEmpty()) {
                return a;
            }
            ObjectReference to = BuildConfigBuilders.sameForm(
                    ref, catalog.byName(a.successor().orElseThrow()).orElseThrow());
            return "ImageStreamTag".equals(to.getKind())
                    ? a.withReplacement(Optional.of(to.getName()), Optional.empty())
                    : a.withReplacement(
                            Optional.empty(),
                            Optional.of("the python ImageStream has no tag for it: change kind to DockerImage and "
                                    + "name to " + to.getName()));
        });
    }

    /**
     * A PythonApp's {@code pythonVersion} with its optional {@code builder.os}/{@code variant}: the builder the
     * operator would resolve, and as replacement the successor's version when that version resolves to a
     * supported builder with the same os/variant settings.
     */
    public Optional<ImageAssessment> pythonVersion(String version, String osId, String variantId) {
        // an os or variant the catalog does not know resolves to nothing (admission refuses it in a PythonApp)
        OsFamily os = osId == null ? null : OsFamily.byId(osId).orElse(null);
        ImageVariant variant =
                variantId == null ? null : ImageVariant.byId(variantId).orElse(null);
        if ((osId != null && os == null) || (variantId != null && variant == null)) {
            return Optional.empty();
        }
        if (!(catalog.resolve(version, os, variant, i -> true) instanceof BuilderCatalog.Resolution.Resolved r)) {
            return Optional.empty();
        }
        ImageAssessment a = sclorg(version, r.image(), false);
        if (a.replacement().isEmpty()) {
            return Optional.of(a);
        }
        String next = catalog.byName(a.successor().orElseThrow()).orElseThrow().python();
        boolean resolvesSupported =
                catalog.resolve(next, os, variant, i -> true) instanceof BuilderCatalog.Resolution.Resolved n
                        && lifecycle.supported(n.image(), today);
        return Optional.of(
                resolvesSupported
                        ? a.withReplacement(Optional.of(next), Optional.empty())
                        : a.withReplacement(
                                Optional.empty(),
                                Optional.of("pythonVersion " + next + " has no supported builder with this os/variant;"
                                        + " set spec.builder to the successor")));
    }
}

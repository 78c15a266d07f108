package dev.pythonapp.operator.eol;

import dev.pythonapp.operator.api.OsFamily;
import dev.pythonapp.operator.catalog.BuilderCatalog;
import dev.pythonapp.operator.catalog.BuilderImage;
import dev.pythonapp.operator.catalog.CommunityImage;
import dev.pythonapp.operator.catalog.PythonVersions;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Lifecycle rules over a catalog: the end-of-life date of an image under a basis, its state on a day, and its
 * supported successor. Pure: the day is a parameter.
 *
 * @param warnDays how many days before its end of life an image is {@link LifecycleState#END_OF_LIFE_SOON}
 */
public record Lifecycle(BuilderCatalog catalog, EolBasis basis, int warnDays) {

    /** The date that counts under the basis (upstream falls back to vendor when the catalog has no CPython date). */
    public LocalDate eolDate(BuilderImage image) {
        Optional<LocalDate> upstream = catalog.upstreamEol(image);
        return switch (basis) {
            case VENDOR -> image.vendorEol().date();
            case UPSTREAM -> upstream.orElse(image.vendorEol().date());
            case STRICTEST ->
                upstream.filter(u -> u.isBefore(image.vendorEol().date()))
                        .orElse(image.vendorEol().date());
        };
    }

    /** Which date decided {@link #eolDate}: "vendor" or "upstream". */
    public String eolDateKind(BuilderImage image) {
        LocalDate date = eolDate(image);
        return date.equals(image.vendorEol().date()) && basis != EolBasis.UPSTREAM
                ? "vendor"
                : catalog.upstreamEol(image)
                        .filter(date::equals)
                        .map(d -> "upstream")
                        .orElse("vendor");
    }

    /** An image is end of life from its EOL date on (the date is the last day of support's end). */
    public LifecycleState state(BuilderImage image, LocalDate today) {
        return state(eolDate(image), today);
    }

    /** A community image is judged on its upstream CPython date, whatever the basis: it has no vendor date. */
    public LifecycleState state(CommunityImage image, LocalDate today) {
        return state(image.eol(), today);
    }

    private LifecycleState state(LocalDate eol, LocalDate today) {
        if (!today.isBefore(eol)) {
            return LifecycleState.END_OF_LIFE;
        }
        return ChronoUnit.DAYS.between(today, eol) <= warnDays
                ? LifecycleState.END_OF_LIFE_SOON
                : LifecycleState.SUPPORTED;
    }

    /** State, date and (unless plainly supported) successor of {@code image} on {@code today}. */
    public LifecycleAssessment assess(BuilderImage image, LocalDate today) {
        LifecycleState state = state(image, today);
        Optional<BuilderImage> successor =
                state == LifecycleState.SUPPORTED ? Optional.empty() : successor(image, today);
        return new LifecycleAssessment(state, Optional.of(eolDate(image)), basis, successor);
    }

    public boolean supported(BuilderImage image, LocalDate today) {
        return state(image, today) != LifecycleState.END_OF_LIFE;
    }

    public long daysUntilEol(BuilderImage image, LocalDate today) {
        return ChronoUnit.DAYS.between(today, eolDate(image));
    }

    /**
     * The supported successor: an explicit catalog override if that one (or its own successor) is supported;
     * otherwise the nearest newer Python version supported on the same OS and variant; otherwise the newest
     * supported version, not older than the image's, on the nearest later OS generation (same variant preferred).
     */
    public Optional<BuilderImage> successor(BuilderImage image, LocalDate today) {
        Optional<BuilderImage> explicit = image.successor().flatMap(catalog::byName);
        for (int hops = 0; explicit.isPresent() && hops < 10; hops++) {
            if (supported(explicit.get(), today)) {
                return explicit;
            }
            BuilderImage next = explicit.get();
            Optional<BuilderImage> follow = next.successor().flatMap(catalog::byName);
            if (follow.isEmpty()) {
                return successorByRule(next, today);
            }
            explicit = follow;
        }
        return successorByRule(image, today);
    }

    /**
     * The successor of a community image: the nearest newer Python version of the same repository that is supported,
     * in the same flavour (or its base flavour when the old distribution release is no longer published).
     */
    public Optional<CommunityImage> successor(CommunityImage image, LocalDate today) {
        return catalog.communityVersions(image).stream()
                .filter(v -> PythonVersions.ORDER.compare(v, image.python()) > 0)
                .sorted(PythonVersions.ORDER)
                .map(v -> catalog.communityImage(image, v))
                .flatMap(Optional::stream)
                .filter(c -> state(c, today) != LifecycleState.END_OF_LIFE)
                .findFirst();
    }

    private Optional<BuilderImage> successorByRule(BuilderImage image, LocalDate today) {
        Comparator<BuilderImage> byVersion = Comparator.comparing(BuilderImage::python, PythonVersions.ORDER);
        Optional<BuilderImage> sameOs = candidates(image.os(), today).stream()
                .filter(c -> c.isVariant(image.variant()))
                .filter(c -> PythonVersions.ORDER.compare(c.python(), image.python()) > 0)
                .min(byVersion);
        if (sameOs.isPresent()) {
            return sameOs;
        }
        for (OsFamily os : image.os().laterGenerations()) {
            // never an older Python: ubi8/python-312 must not "succeed" to ubi9/python-39
            List<BuilderImage> there = candidates(os, today).stream()
                    .filter(c -> PythonVersions.ORDER.compare(c.python(), image.python()) >= 0)
                    .toList();
            Optional<BuilderImage> newest = there.stream()
                    .filter(c -> c.isVariant(image.variant()))
                    .max(byVersion)
                    .or(() -> there.stream().max(byVersion));
            if (newest.isPresent()) {
                return newest;
            }
        }
        return Optional.empty();
    }

    private List<BuilderImage> candidates(OsFamily os, LocalDate today) {
        return catalog.images().stream()
                .filter(c -> c.os() == os)
                .filter(c -> supported(c, today))
                .toList();
    }
}

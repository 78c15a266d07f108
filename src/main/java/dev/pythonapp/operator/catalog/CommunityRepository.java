package dev.pythonapp.operator.catalog;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A community repository whose tags are {@code <major.minor>[.patch][-flavour]}, with the Python versions it has
 * published and the flavours its current versions are published in.
 *
 * @param repository    canonical registry/repository path ({@code docker.io/library/python})
 * @param aliases       other registry/repository paths of the same repository
 * @param versions      Python versions with tags in the repository (each has a CPython date in the catalog)
 * @param flavours      flavours published for the supported versions; an EOL flavour (an old distribution release)
 *                      becomes its base flavour in a successor ({@code slim-buster} becomes {@code slim})
 * @param baseFlavours  flavour families, longest first: {@code slim}, {@code alpine}, {@code windowsservercore}...
 */
public record CommunityRepository(
        String repository,
        List<String> aliases,
        List<String> versions,
        List<String> flavours,
        List<String> baseFlavours,
        String source) {
    private static final Pattern TAG = Pattern.compile("(\\d+\\.\\d+)(?:\\.\\d+)?(?:-(.+))?");
    /** Distribution codenames docker-library has used as flavours (facts §3.4 and the image's tag history). */
    private static final Pattern CODENAME = Pattern.compile("(jessie|stretch|buster|bullseye|bookworm|trixie)");

    public CommunityRepository {
        aliases = List.copyOf(aliases);
        versions = List.copyOf(versions);
        flavours = List.copyOf(flavours);
        baseFlavours = List.copyOf(baseFlavours);
    }

    /** Every registry/repository path of the repository: the canonical one, then its aliases. */
    public List<String> repositories() {
        return Stream.concat(Stream.of(repository), aliases.stream()).toList();
    }

    /** Version and flavour of a tag of this repository; empty when the tag names no known version or flavour. */
    public Optional<String[]> versionAndFlavour(String tag) {
        Matcher m = TAG.matcher(tag == null ? "" : tag);
        if (!m.matches() || !versions.contains(m.group(1))) {
            return Optional.empty();
        }
        String flavour = m.group(2) == null ? "" : m.group(2);
        return knownFlavour(flavour) ? Optional.of(new String[] {m.group(1), flavour}) : Optional.empty();
    }

    /** The flavour a successor gets: the same one when it is still published, else its base flavour. */
    public String successorFlavour(String flavour) {
        if (flavour.isEmpty() || flavours.contains(flavour)) {
            return flavour;
        }
        return baseFlavours.stream().filter(flavour::startsWith).findFirst().orElse("");
    }

    private boolean knownFlavour(String flavour) {
        if (flavour.isEmpty()
                || flavours.contains(flavour)
                || CODENAME.matcher(flavour).matches()) {
            return true;
        }
        // slim-buster, alpine3.19, windowsservercore-ltsc2022: a family and a release of its base
        return baseFlavours.stream()
                .anyMatch(base -> flavour.startsWith(base)
                        && flavour.substring(base.length()).matches("[-.0-9a-z]*"));
    }
}

package dev.pythonapp.operator.catalog;

import java.time.LocalDate;

/**
 * A tag of a community image repository whose tags carry the Python version, such as Docker Hub's official
 * {@code python} image: {@code python:3.8-slim} is CPython 3.8 in the {@code slim} flavour. Such images follow the
 * upstream CPython life cycle, so {@code eol} is the CPython end of life.
 *
 * @param repository the repository as written, without tag ({@code python}, {@code docker.io/library/python})
 * @param python     the major.minor version from the tag
 * @param flavour    the tag after the version ({@code slim}, {@code alpine3.20}, {@code slim-bookworm}), or empty
 */
public record CommunityImage(String repository, String python, String flavour, LocalDate eol, String eolSource) {

    /** The tag for this version and flavour, e.g. {@code 3.8-slim}. */
    public String tag() {
        return flavour.isEmpty() ? python : python + "-" + flavour;
    }

    /** Short name for messages: the last path element and the tag, e.g. {@code python:3.8-slim}. */
    public String name() {
        return repository.substring(repository.lastIndexOf('/') + 1) + ":" + tag();
    }

    /** The reference in the form it was written: same repository spelling, this image's tag. */
    public String reference() {
        return repository + ":" + tag();
    }
}

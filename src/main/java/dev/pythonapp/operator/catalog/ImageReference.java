package dev.pythonapp.operator.catalog;

/**
 * A parsed container image reference: {@code [registry/]repository[:tag][@digest]}. Docker Hub references without a
 * registry are normalised to {@code docker.io}.
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

    public static ImageReference parse(String ref) {
        String rest = ref.trim();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String registry = "docker.io";
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        if (registry.equals("docker.io") && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        return new ImageReference(registry, rest, tag, digest);
    }

    /** registry/repository, without tag or digest. */
    public String repositoryPath() {
        return registry + "/" + repository;
    }

    /** The same reference with another repository path and the given tag (digest dropped: it names another image). */
    public static String withTag(String repositoryPath, String tag) {
        return repositoryPath + ":" + (tag == null ? "latest" : tag);
    }
}

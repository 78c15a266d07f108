package dev.pythonapp.operator.api;

/** The git URL forms a PythonApp accepts. One pattern, used by the CRD schema and by the tests. */
public final class GitUris {
    /**
     * https://host[:port]/path with no user info, ssh://[user@]host[:port]/path, or scp-like user@host:path.
     * Plain http and git:// are refused: they are unauthenticated and unencrypted.
     */
    public static final String PATTERN = "^(https://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\\s@]*)?"
            + "|ssh://([A-Za-z0-9._-]+@)?[A-Za-z0-9.-]+(:[0-9]+)?/[^\\s]*"
            + "|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\\s/][^\\s]*)$";

    private GitUris() {}
}

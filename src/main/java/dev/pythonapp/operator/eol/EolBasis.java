package dev.pythonapp.operator.eol;

import dev.pythonapp.operator.api.WireName;
import java.util.Locale;

/** Which end-of-life date counts for an image. */
public enum EolBasis implements WireName.LowerCase {
    /** The vendor date: Red Hat Application Stream retirement, or the OS end of life for CentOS Stream and Fedora. */
    VENDOR,
    /** The upstream CPython end of life. */
    UPSTREAM,
    /** The earlier of the two. */
    STRICTEST;

    public static EolBasis of(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}

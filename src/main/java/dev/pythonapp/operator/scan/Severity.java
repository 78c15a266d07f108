package dev.pythonapp.operator.scan;

import java.util.Locale;

/** Finding severities, highest first; the names are SARIF's result levels. */
public enum Severity {
    ERROR,
    WARNING,
    NOTE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Severity of(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}

package dev.pythonapp.operator.scan;

import dev.pythonapp.operator.api.WireName;
import java.util.Locale;

/** Finding severities, highest first; the names are SARIF's result levels. */
public enum Severity implements WireName.LowerCase {
    ERROR,
    WARNING,
    NOTE;

    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Severity of(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}

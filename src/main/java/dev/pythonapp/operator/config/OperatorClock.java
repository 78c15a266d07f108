package dev.pythonapp.operator.config;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's notion of "today" (UTC) for end-of-life decisions. It can be pinned with
 * {@code pythonapp.clock.fixed-date} (demos) or by tests through {@link #pin}, so they can cross EOL dates.
 */
@Singleton
public class OperatorClock {
    private volatile Optional<LocalDate> pinned;
    private final Clock system = Clock.systemUTC();

    public OperatorClock(@ConfigProperty(name = "pythonapp.clock.fixed-date") Optional<LocalDate> fixedDate) {
        this.pinned = fixedDate;
    }

    public LocalDate today() {
        return pinned.orElseGet(() -> LocalDate.now(system));
    }

    /** Pins today to {@code date}; {@code null} returns to the system clock. */
    public void pin(LocalDate date) {
        pinned = Optional.ofNullable(date);
    }
}

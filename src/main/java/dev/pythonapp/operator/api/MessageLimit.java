package dev.pythonapp.operator.api;

/** How long a message the operator writes may be, by where it is shown; longer text is cut with an ellipsis. */
public enum MessageLimit {
    /** An admission warning: kubectl and oc show it on one line; Kubernetes asks webhooks for at most 120. */
    ADMISSION_WARNING(120),
    /** A cause (an API error) quoted in a condition message: whole enough to act on, short enough to read. */
    CAUSE(600),
    /** An Event message: events.k8s.io/v1 caps an Event's note at 1 kB. */
    EVENT(1000);

    private static final String ELLIPSIS = "...";

    private final int maxLength;

    MessageLimit(int maxLength) {
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /** {@code text} itself when it fits, otherwise its start and "..." in exactly {@link #maxLength()} characters. */
    public String cut(String text) {
        return text.length() <= maxLength ? text : text.substring(0, maxLength - ELLIPSIS.length()) + ELLIPSIS;
    }
}

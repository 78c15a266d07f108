package dev.pythonapp.operator.build;

import dev.pythonapp.operator.api.MessageLimit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** The message of a {@code Built=False} condition for a failed, errored or cancelled build. */
public final class BuildFailureExplanation {
    private static final MessageLimit LIMIT = MessageLimit.CAUSE;
    private static final String ELLIPSIS = "...";
    private static final String LOG_INTRO = "; the build log ends:\n";
    /** Room kept for the end of the log when no hint is known: a status message longer than the rest is cut. */
    private static final int LOG_ROOM = 300;

    private BuildFailureExplanation() {}

    /**
     * "build myapp-3 failed (Reason): hint" when a hint is known; otherwise the OpenShift reason, status message and
     * the last lines of the log snippet (where a build log says what went wrong). Never longer than
     * {@link MessageLimit#CAUSE}.
     *
     * @throws IllegalArgumentException when the build's phase is not Failed, Error or Cancelled
     */
    public static String explain(FailedBuild build, BuildFailureHints hints) {
        String subject = "build " + build.name();
        String outcome = switch (build.phase()) {
            case FailedBuild.CANCELLED -> null;
            case FailedBuild.FAILED -> " failed";
            case FailedBuild.ERROR -> " failed with a build system error";
            default ->
                throw new IllegalArgumentException(
                        subject + " is " + build.phase() + ", not Failed, Error or Cancelled");
        };
        if (outcome == null) {
            return LIMIT.cut(subject + " was cancelled");
        }
        String head =
                subject + outcome + (BuildFailureHints.isBlank(build.reason()) ? "" : " (" + build.reason() + ")");
        Optional<Hint> hint = hints.find(build.reason(), build.logSnippet());
        if (hint.isPresent()) {
            return LIMIT.cut(head + ": " + hint.get().text(build.builderImage(), build.builderLifecycle()));
        }
        String known =
                BuildFailureHints.isBlank(build.message()) ? head : head + ": " + withoutFinalPeriod(build.message());
        return withLogTail(known, build.logSnippet());
    }

    private static String withLogTail(String known, String logSnippet) {
        List<String> lines = logSnippet == null
                ? List.of()
                : logSnippet
                        .lines()
                        .map(String::stripTrailing)
                        .filter(l -> !l.isBlank())
                        .toList();
        if (lines.isEmpty()) {
            return LIMIT.cut(known);
        }
        String head = keepStart(known, LIMIT.maxLength() - LOG_INTRO.length() - LOG_ROOM);
        return head + LOG_INTRO + lastLines(lines, LIMIT.maxLength() - head.length() - LOG_INTRO.length());
    }

    /** The last whole lines that fit in {@code room} characters; a last line longer than that keeps its end. */
    static String lastLines(List<String> lines, int room) {
        Deque<String> kept = new ArrayDeque<>();
        int used = 0;
        for (int i = lines.size() - 1; i >= 0; i--) {
            int cost = lines.get(i).length() + (kept.isEmpty() ? 0 : 1);
            if (used + cost > room) {
                break;
            }
            kept.addFirst(lines.get(i));
            used += cost;
        }
        if (kept.isEmpty()) {
            String last = lines.get(lines.size() - 1);
            return ELLIPSIS + last.substring(last.length() - (room - ELLIPSIS.length()));
        }
        return String.join("\n", kept);
    }

    private static String keepStart(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - ELLIPSIS.length()) + ELLIPSIS;
    }

    private static String withoutFinalPeriod(String message) {
        String m = message.strip();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }
}

package dev.pythonapp.operator.scan.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Dockerfile instruction after continuation lines are joined and comments inside them dropped.
 *
 * @param keyword  upper-case instruction ({@code RUN})
 * @param offset   file offset of the keyword
 * @param flags    leading {@code --name=value} options ({@code --from}, {@code --mount}, {@code --platform})
 * @param args     the arguments after the flags, as one line
 * @param execForm the JSON array form ({@code ["gunicorn", "app:app"]}), if the arguments are one
 * @param heredocs heredoc bodies in the order of their {@code <<} markers
 */
public record Instruction(
        String keyword,
        int offset,
        Map<String, List<String>> flags,
        MappedText args,
        Optional<List<String>> execForm,
        List<Heredoc> heredocs) {

    public Optional<String> flag(String name) {
        List<String> values = flags.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> flagValues(String name) {
        return flags.getOrDefault(name, List.of());
    }
}

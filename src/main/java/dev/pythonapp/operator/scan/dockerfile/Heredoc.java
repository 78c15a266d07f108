package dev.pythonapp.operator.scan.dockerfile;

/** A heredoc of an instruction ({@code RUN <<EOF ... EOF}): its delimiter and body. */
public record Heredoc(String delimiter, MappedText body) {}

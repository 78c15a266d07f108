package dev.pythonapp.operator.scan;

/** A 1-based line and column (UTF-16 code units, SARIF's default column kind) in a file. */
public record Position(int line, int column) {}

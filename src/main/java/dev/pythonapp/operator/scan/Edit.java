package dev.pythonapp.operator.scan;

/** Replace the characters {@code [start, end)} of a file with {@code text}. */
public record Edit(int start, int end, String text) {}

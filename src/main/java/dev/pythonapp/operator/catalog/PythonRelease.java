package dev.pythonapp.operator.catalog;

import java.time.LocalDate;

/** Upstream CPython lifecycle of one minor version, with the source of the date. */
public record PythonRelease(String version, LocalDate eol, String source, String note) {}

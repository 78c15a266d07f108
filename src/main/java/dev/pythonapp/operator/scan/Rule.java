package dev.pythonapp.operator.scan;

import dev.pythonapp.operator.api.WireName;

/**
 * Every rule of the scanner: a severity, a one-line description and how to fix it. Its stable id is the constant's
 * name in kebab case (README and SARIF name rules by it; renaming a constant renames the rule).
 */
public enum Rule implements WireName.KebabCase {
    EOL_IMAGE(
            Severity.ERROR,
            "Python image or builder reference is end of life",
            "Run `upgrade` to switch to the successor in the same form, or pin a supported version."),
    EOL_SOON_IMAGE(
            Severity.WARNING,
            "Python image or builder reference reaches end of life within the warn-ahead window",
            "Plan the switch to the successor named in the finding."),
    PYTHON_IMAGE(Severity.NOTE, "Supported Python image or builder reference (inventory)", "Nothing to do."),
    PIP_COMMANDS_RUN_TOGETHER(
            Severity.ERROR,
            "Arguments of two commands run together: pip installs a package named after the second command",
            "End the first command with `&&` before the second one."),
    PIP_NO_CACHE_DIR(
            Severity.WARNING,
            "pip install keeps its download cache in the image layer",
            "Add `--no-cache-dir`, or set `ENV PIP_NO_CACHE_DIR=off` in the stage."),
    SOURCES_BEFORE_REQUIREMENTS(
            Severity.WARNING,
            "Sources copied before the requirements are installed: every source change reinstalls all dependencies",
            "COPY the requirements file first, run pip install, then COPY the sources."),
    LAST_USER_ROOT(
            Severity.WARNING,
            "The image runs as root: the last USER of the final stage is root",
            "End the final stage with a non-root USER, e.g. `USER 1001`."),
    SHELL_FORM_CMD(
            Severity.WARNING,
            "CMD or ENTRYPOINT in shell form: the process runs under /bin/sh -c and does not get SIGTERM",
            "Use the JSON (exec) form, e.g. `CMD [\"gunicorn\", \"app:app\"]`."),
    DNF_ASSUME_YES(
            Severity.ERROR,
            "dnf/microdnf/yum without -y: the build stops at the confirmation prompt",
            "Add `-y` (`--assumeyes`)."),
    DNF_CLEAN(
            Severity.WARNING,
            "dnf/microdnf/yum install without cleaning its cache in the same RUN: the cache stays in the layer",
            "End the RUN with `&& dnf clean all` (or `microdnf clean all`)."),
    PARSE_ERROR(
            Severity.ERROR,
            "The file cannot be parsed, so it was not checked",
            "Fix the syntax error at the position given.");

    // the data of a rule, as final fields like the API enums' (BuilderSpec.Os): read-only by construction
    public final Severity severity;
    /** One line: what is wrong. */
    public final String description;
    /** How to fix it. */
    public final String fix;

    Rule(Severity severity, String description, String fix) {
        this.severity = severity;
        this.description = description;
        this.fix = fix;
    }
}

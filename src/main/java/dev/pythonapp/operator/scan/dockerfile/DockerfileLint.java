package dev.pythonapp.operator.scan.dockerfile;

import dev.pythonapp.operator.scan.Rule;
import dev.pythonapp.operator.scan.dockerfile.ShellWords.Word;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Dockerfile rules: pip commands run together, pip cache, sources before requirements, root as last user,
 * shell-form CMD/ENTRYPOINT, dnf without -y or without cleaning. Also lists every stage's base image, so the caller
 * can judge it against the catalog. Pure.
 */
public final class DockerfileLint {
    /** A rule violation at a file offset, with the concrete fix for this line. */
    public record Issue(Rule rule, int offset, String message, String fix) {}

    /**
     * A stage's base image. {@code literal} is false when ARG values were substituted: the written text is then not
     * the reference, and only the reference (not the ARG) could be rewritten.
     */
    public record BaseImage(String reference, int offset, String written, boolean literal) {}

    public record Result(List<Issue> issues, List<BaseImage> baseImages) {}

    private static final Pattern PIP = Pattern.compile("pip(\\d+(\\.\\d+)?)?");
    private static final Pattern PYTHON = Pattern.compile("python(\\d+(\\.\\d+)?)?");
    private static final Set<String> PIP_SUBCOMMANDS = Set.of("install", "uninstall", "download", "wheel");
    private static final Set<String> PIP_OPTIONS_WITH_VALUE =
            Set.of("-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "-t");
    private static final Set<String> DNF = Set.of("dnf", "dnf5", "microdnf", "yum");
    private static final Set<String> DNF_CHANGES = Set.of(
            "install", "reinstall", "update", "upgrade", "remove", "erase", "groupinstall", "distro-sync", "downgrade");
    private static final Pattern ARG_REF = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}?");

    private final Predicate<String> baseSetsPipNoCacheDir;
    private final List<Issue> issues = new ArrayList<>();
    private final List<BaseImage> baseImages = new ArrayList<>();

    private DockerfileLint(Predicate<String> baseSetsPipNoCacheDir) {
        this.baseSetsPipNoCacheDir = baseSetsPipNoCacheDir;
    }

    /** {@code baseSetsPipNoCacheDir}: whether a base image sets PIP_NO_CACHE_DIR itself (the sclorg images do). */
    public static Result lint(Dockerfile dockerfile, Predicate<String> baseSetsPipNoCacheDir) {
        DockerfileLint lint = new DockerfileLint(baseSetsPipNoCacheDir);
        lint.run(dockerfile);
        return new Result(List.copyOf(lint.issues), List.copyOf(lint.baseImages));
    }

    /** The state of one build stage while its instructions are read. */
    private static final class Stage {
        final String name;
        boolean pipNoCacheDir;
        final List<Instruction> contextCopies = new ArrayList<>();
        final List<String> copiedSources = new ArrayList<>();
        final Set<Instruction> reportedCopies = new java.util.HashSet<>();
        Instruction lastUser;

        Stage(String name, boolean pipNoCacheDir) {
            this.name = name;
            this.pipNoCacheDir = pipNoCacheDir;
        }
    }

    private void run(Dockerfile dockerfile) {
        Map<String, String> globalArgs = new HashMap<>();
        Map<String, Stage> stagesByName = new HashMap<>();
        Stage stage = null;
        for (Instruction in : dockerfile.instructions()) {
            switch (in.keyword()) {
                case "ARG" -> {
                    if (stage == null) {
                        argDefault(in.args().value(), globalArgs);
                    } else if (in.args().value().startsWith("PIP_NO_CACHE_DIR=")) {
                        stage.pipNoCacheDir = true;
                    }
                }
                case "FROM" -> {
                    stage = from(in, globalArgs, stagesByName);
                }
                case "ENV" -> {
                    if (stage != null && in.args().value().matches("(?s).*\\bPIP_NO_CACHE_DIR[= ].*")) {
                        stage.pipNoCacheDir = true;
                    }
                }
                case "COPY", "ADD" -> {
                    if (stage != null) {
                        copy(in, stage);
                    }
                }
                case "RUN" -> {
                    if (stage != null) {
                        run(in, stage);
                    }
                }
                case "USER" -> {
                    if (stage != null) {
                        stage.lastUser = in;
                    }
                }
                case "CMD", "ENTRYPOINT" -> shellForm(in);
                default -> {}
            }
        }
        if (stage != null
                && stage.lastUser != null
                && isRoot(stage.lastUser.args().value())) {
            issues.add(new Issue(
                    Rule.LAST_USER_ROOT,
                    stage.lastUser.offset(),
                    "the final stage" + (stage.name == null ? "" : " (" + stage.name + ")") + " runs as "
                            + stage.lastUser.args().value(),
                    "end the final stage with USER 1001 (the sclorg images' user; any non-root UID works)"));
        }
    }

    private Stage from(Instruction in, Map<String, String> globalArgs, Map<String, Stage> stagesByName) {
        List<Word> words = ShellWords.commands(in.args()).stream().findFirst().orElse(List.of());
        if (words.isEmpty()) {
            return new Stage(null, false);
        }
        Word image = words.get(0);
        String name = words.size() >= 3 && words.get(1).value().equalsIgnoreCase("as")
                ? words.get(2).value().toLowerCase(Locale.ROOT)
                : null;
        String reference = substitute(image.value(), globalArgs);
        Stage parent = stagesByName.get(reference.toLowerCase(Locale.ROOT));
        Stage stage;
        if (parent != null) {
            stage = new Stage(name, parent.pipNoCacheDir);
        } else {
            if (!reference.equals("scratch")) {
                baseImages.add(
                        new BaseImage(reference, image.offset(), image.value(), reference.equals(image.value())));
            }
            stage = new Stage(name, baseSetsPipNoCacheDir.test(reference));
        }
        if (name != null) {
            stagesByName.put(name, stage);
        }
        return stage;
    }

    private static void argDefault(String args, Map<String, String> globalArgs) {
        int eq = args.indexOf('=');
        if (eq > 0) {
            String value = args.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\""))) {
                value = value.substring(1, value.length() - 1);
            }
            globalArgs.put(args.substring(0, eq).strip(), value);
        }
    }

    static String substitute(String text, Map<String, String> args) {
        Matcher m = ARG_REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = args.getOrDefault(m.group(1), m.group(2) == null ? "" : m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void copy(Instruction in, Stage stage) {
        if (in.flag("from").isPresent() || !in.heredocs().isEmpty()) {
            return;
        }
        List<String> args = in.execForm()
                .orElseGet(() -> ShellWords.commands(in.args()).stream()
                        .findFirst()
                        .map(ws -> ws.stream().map(Word::value).toList())
                        .orElse(List.of()));
        List<String> sources = args.size() > 1 ? args.subList(0, args.size() - 1) : List.of();
        if (sources.stream().anyMatch(s -> Set.of(".", "./", "*", "./*").contains(s))) {
            stage.contextCopies.add(in);
        } else if (stage.contextCopies.isEmpty()) {
            stage.copiedSources.addAll(sources);
        }
    }

    private void run(Instruction in, Stage stage) {
        boolean cacheMount = in.flagValues("mount").stream().anyMatch(m -> m.contains("type=cache"));
        List<List<Word>> commands = new ArrayList<>();
        for (MappedText script : scripts(in)) {
            commands.addAll(ShellWords.commands(script));
        }
        in.execForm().ifPresent(exec -> commands.add(execWords(in, exec)));
        Word dnfInstall = null;
        boolean dnfCleaned = cacheMount;
        for (List<Word> command : commands) {
            int start = skipAssignments(command, stage);
            if (start >= command.size()) {
                continue;
            }
            int sub = pipSubcommand(command, start);
            if (sub >= 0 && sub < command.size() && command.get(sub).value().equals("install")) {
                pipInstall(command, start, sub, stage, cacheMount);
            }
            String tool = basename(command.get(start).value());
            if (DNF.contains(tool)) {
                String action = command.stream()
                        .skip(start + 1)
                        .map(Word::value)
                        .filter(w -> !w.startsWith("-"))
                        .findFirst()
                        .orElse("");
                if (DNF_CHANGES.contains(action) && !assumesYes(command, start)) {
                    issues.add(new Issue(
                            Rule.DNF_ASSUME_YES,
                            command.get(start).offset(),
                            tool + " " + action + " without -y stops at the confirmation prompt",
                            join(command, start, start + 1) + " -y " + join(command, start + 1, command.size())));
                }
                if (action.equals("install") && dnfInstall == null) {
                    dnfInstall = command.get(start);
                }
                dnfCleaned |= action.equals("clean");
            }
            if (tool.equals("rm") && command.stream().anyMatch(w -> w.value().matches("/var/cache/(dnf|yum).*"))) {
                dnfCleaned = true;
            }
        }
        if (dnfInstall != null && !dnfCleaned) {
            String tool = basename(dnfInstall.value());
            issues.add(new Issue(
                    Rule.DNF_CLEAN,
                    dnfInstall.offset(),
                    tool + " install leaves its package cache in the layer",
                    "end this RUN with && " + (tool.equals("dnf5") ? "dnf" : tool) + " clean all"));
        }
    }

    /** The shell scripts of a RUN: heredoc bodies when the command is only heredoc markers, else the line. */
    private static List<MappedText> scripts(Instruction in) {
        if (in.execForm().isPresent()) {
            return List.of();
        }
        String withoutMarkers = in.args().value().replaceAll("<<-?([\"']?)[A-Za-z_][A-Za-z0-9_]*\\1", "");
        // RUN <<EOF and RUN <<EOF bash: the bodies are shell scripts (RUN python3 <<EOF is not)
        if (!in.heredocs().isEmpty() && withoutMarkers.strip().matches("((/usr)?/bin/)?(ba)?sh( -[a-z]+)*|")) {
            return in.heredocs().stream().map(Heredoc::body).toList();
        }
        return List.of(in.args());
    }

    /** Exec-form words, located in the JSON text so findings point at them. */
    private static List<Word> execWords(Instruction in, List<String> exec) {
        List<Word> words = new ArrayList<>();
        String raw = in.args().value();
        int from = 0;
        for (String value : exec) {
            int at = raw.indexOf(value, from);
            int index = at < 0 ? from : at;
            words.add(new Word(value, in.args().fileOffset(index)));
            from = at < 0 ? from : at + value.length();
        }
        return words;
    }

    private static int skipAssignments(List<Word> command, Stage stage) {
        int i = 0;
        while (i < command.size()) {
            String w = command.get(i).value();
            if (w.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                if (w.startsWith("PIP_NO_CACHE_DIR=")) {
                    stage.pipNoCacheDir = true;
                }
                i++;
            } else if (w.equals("sudo") || w.equals("env") || w.equals("exec")) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** Index of pip's subcommand for {@code pip ...} or {@code python -m pip ...} at {@code start}, else -1. */
    static int pipSubcommand(List<Word> command, int start) {
        String first = basename(command.get(start).value());
        if (PIP.matcher(first).matches()) {
            return start + 1;
        }
        if (PYTHON.matcher(first).matches()
                && command.size() > start + 2
                && command.get(start + 1).value().equals("-m")
                && command.get(start + 2).value().equals("pip")) {
            return start + 3;
        }
        return -1;
    }

    private void pipInstall(List<Word> command, int start, int sub, Stage stage, boolean cacheMount) {
        for (int j = sub + 1; j < command.size(); j++) {
            String value = command.get(j).value();
            if (PIP_SUBCOMMANDS.contains(value)
                    && !PIP_OPTIONS_WITH_VALUE.contains(command.get(j - 1).value())) {
                int second = secondCommandStart(command, sub + 1, j);
                issues.add(new Issue(
                        Rule.PIP_COMMANDS_RUN_TOGETHER,
                        command.get(second).offset(),
                        "the arguments of two commands run together: `" + join(command, start, sub + 1) + "` gets `"
                                + value + "` as a package name and fails",
                        join(command, start, second) + " && " + join(command, second, command.size())));
                break;
            }
        }
        boolean noCache = command.stream().skip(sub).anyMatch(w -> w.value().startsWith("--no-cache-dir"));
        if (!noCache && !stage.pipNoCacheDir && !cacheMount) {
            issues.add(new Issue(
                    Rule.PIP_NO_CACHE_DIR,
                    command.get(start).offset(),
                    "`" + join(command, start, sub + 1) + "` without --no-cache-dir keeps pip's cache in the layer",
                    join(command, start, sub + 1) + " --no-cache-dir " + join(command, sub + 1, command.size())));
        }
        for (String requirements : requirementFiles(command, sub + 1)) {
            sourcesBeforeRequirements(stage, requirements);
        }
    }

    /** Where the second command starts: at its {@code pip} or {@code python -m pip}, else at the subcommand. */
    private static int secondCommandStart(List<Word> command, int from, int subcommand) {
        if (subcommand - 3 >= from && pipSubcommand(command, subcommand - 3) == subcommand) {
            return subcommand - 3;
        }
        if (subcommand - 1 >= from
                && PIP.matcher(basename(command.get(subcommand - 1).value())).matches()) {
            return subcommand - 1;
        }
        return subcommand;
    }

    private static List<String> requirementFiles(List<Word> command, int from) {
        List<String> files = new ArrayList<>();
        for (int j = from; j < command.size(); j++) {
            String w = command.get(j).value();
            if ((w.equals("-r") || w.equals("--requirement")) && j + 1 < command.size()) {
                files.add(command.get(j + 1).value());
            } else if (w.startsWith("--requirement=")) {
                files.add(w.substring("--requirement=".length()));
            } else if (w.startsWith("-r") && w.length() > 2 && !w.startsWith("--")) {
                files.add(w.substring(2));
            }
        }
        return files;
    }

    private void sourcesBeforeRequirements(Stage stage, String requirements) {
        if (stage.contextCopies.isEmpty()) {
            return;
        }
        String name = basename(requirements);
        boolean copiedFirst = stage.copiedSources.stream().anyMatch(s -> globMatches(basename(s), name));
        Instruction copy = stage.contextCopies.get(0);
        if (!copiedFirst && stage.reportedCopies.add(copy)) {
            issues.add(new Issue(
                    Rule.SOURCES_BEFORE_REQUIREMENTS,
                    copy.offset(),
                    "all sources are copied before " + requirements
                            + " is installed: any source change reinstalls every dependency",
                    "COPY " + requirements + " ./ and RUN pip install -r " + requirements + " before this "
                            + copy.keyword()));
        }
    }

    private static boolean globMatches(String glob, String name) {
        String regex = Pattern.quote(glob).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return name.matches(regex);
    }

    private static boolean assumesYes(List<Word> command, int start) {
        return command.stream()
                .skip(start + 1)
                .map(Word::value)
                .anyMatch(w -> w.equals("--assumeyes")
                        || w.startsWith("--assumeyes=")
                        || (w.matches("-[A-Za-z]+") && w.contains("y")));
    }

    private void shellForm(Instruction in) {
        if (in.execForm().isPresent() || in.args().value().isEmpty()) {
            return;
        }
        List<List<Word>> commands = ShellWords.commands(in.args());
        String fix = commands.size() == 1
                ? in.keyword() + " ["
                        + commands.get(0).stream()
                                .map(w -> "\"" + w.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                                .collect(Collectors.joining(", "))
                        + "]"
                : in.keyword() + " [\"/path/to/start.sh\"] with the commands in a script that ends with exec";
        issues.add(new Issue(
                Rule.SHELL_FORM_CMD,
                in.offset(),
                in.keyword() + " in shell form runs under /bin/sh -c, which does not pass SIGTERM to the app",
                fix));
    }

    private static boolean isRoot(String user) {
        String name = user.split(":", 2)[0].strip();
        return name.equals("root") || name.equals("0");
    }

    private static String basename(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String join(List<Word> command, int from, int to) {
        return command.subList(from, to).stream().map(Word::value).collect(Collectors.joining(" "));
    }
}

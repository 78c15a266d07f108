package dev.pythonapp.operator.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command line tool (hack/ scripts, helm, kubectl) from the project directory and captures its output. */
public final class Command {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    /** What a finished command printed, and its exit status. */
    public record Result(List<String> command, int exit, String stdout, String stderr) {
        public boolean ok() {
            return exit == 0;
        }

        /** stdout; fails with the command, exit status and stderr if the command failed. */
        public String stdoutOrFail() {
            if (!ok()) {
                throw new IllegalStateException(this.toString());
            }
            return stdout;
        }

        @Override
        public String toString() {
            return String.join(" ", command) + " exited " + exit + ":\n" + stderr;
        }
    }

    private Command() {}

    public static Result run(List<String> command) {
        return run(command, Map.of(), null);
    }

    /** Runs {@code command} with extra environment variables and {@code stdin} (null: no input). */
    public static Result run(List<String> command, Map<String, String> env, String stdin) {
        try {
            // both streams go to files, so a tool that fills one pipe while we read the other cannot block
            Path out = Files.createTempFile("command", ".out");
            Path err = Files.createTempFile("command", ".err");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(ControlPlane.projectDir().toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            if (stdin == null) {
                pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            pb.environment().putAll(env);
            Process p = pb.start();
            if (stdin != null) {
                try (var in = p.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT);
            }
            Result result =
                    new Result(List.copyOf(command), p.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

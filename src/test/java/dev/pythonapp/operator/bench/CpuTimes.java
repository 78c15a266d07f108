package dev.pythonapp.operator.bench;

import dev.pythonapp.operator.testing.ControlPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time (user + system, from /proc/PID/stat) of the processes sharing the machine during a benchmark phase: the
 * control plane's, the operator's and this JVM's (the benchmark's client). On a machine whose cores are all busy, the
 * phase's wall time follows their sum, so the split says where a ratio to the baseline comes from.
 */
record CpuTimes(Map<String, Double> seconds) {
    /** Clock ticks per second of /proc/PID/stat (USER_HZ, 100 on Linux for every architecture we run on). */
    private static final double TICKS_PER_SECOND = 100;

    static CpuTimes now(ControlPlane cp, Map<String, Long> others) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("apiserver", seconds(cp.componentPid("kube-apiserver")));
        seconds.put("etcd", seconds(cp.componentPid("etcd")));
        seconds.put("kcm", seconds(cp.componentPid("kube-controller-manager")));
        others.forEach((name, pid) -> seconds.put(name, seconds(pid)));
        seconds.put("client", seconds(ProcessHandle.current().pid()));
        return new CpuTimes(seconds);
    }

    CpuTimes minus(CpuTimes before) {
        Map<String, Double> delta = new LinkedHashMap<>();
        seconds.forEach((name, s) -> delta.put(name, s - before.seconds.getOrDefault(name, 0.0)));
        return new CpuTimes(delta);
    }

    double total() {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** "80 s: apiserver 40, etcd 6, …" (kcm: kube-controller-manager; client: the benchmark's JVM) */
    String summary() {
        return String.format("%.0f s: ", total())
                + seconds.entrySet().stream()
                        .map(e -> String.format("%s %.0f", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", "));
    }

    private static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // fields after the command name, which is in parentheses and may contain spaces: state is field 3,
            // utime field 14 and stime field 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

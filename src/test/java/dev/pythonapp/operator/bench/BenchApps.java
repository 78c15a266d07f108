package dev.pythonapp.operator.bench;

import dev.pythonapp.operator.api.PythonApp;
import dev.pythonapp.operator.api.RunSpec;
import dev.pythonapp.operator.testing.Apps;
import java.util.List;
import java.util.stream.IntStream;

/** The benchmark apps: a mix of Python versions, so builders are supported, rewritten or soon end of life. */
final class BenchApps {
    static final List<String> VERSIONS = List.of("3.12", "3.9", "3.8", "3.11", "3.14");

    private BenchApps() {}

    static List<PythonApp> of(String namespace, int count) {
        return IntStream.range(0, count)
                .mapToObj(
                        i -> Apps.app(namespace, String.format("app-%05d", i), VERSIONS.get(i % VERSIONS.size()), s -> {
                            s.run = new RunSpec();
                            s.run.appModule = "wsgi:application";
                        }))
                .toList();
    }
}

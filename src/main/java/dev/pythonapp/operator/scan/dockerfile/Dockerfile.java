package dev.pythonapp.operator.scan.dockerfile;

import java.util.List;
import java.util.Map;

/** A parsed Dockerfile: its parser directives, escape character and instructions. */
public record Dockerfile(Map<String, String> directives, char escape, List<Instruction> instructions) {

    public Dockerfile {
        directives = Map.copyOf(directives);
        instructions = List.copyOf(instructions);
    }
}

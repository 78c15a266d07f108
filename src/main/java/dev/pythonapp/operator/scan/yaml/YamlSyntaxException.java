package dev.pythonapp.operator.scan.yaml;

/** A YAML file that does not parse: the parser's message and the file offset it points at. */
public class YamlSyntaxException extends Exception {
    private final int offset;

    public YamlSyntaxException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}

package dev.pythonapp.operator.scan;

/** A file that does not parse (YAML or Dockerfile): the parser's message and the file offset it points at. */
public class SourceSyntaxException extends Exception {
    private final int offset;

    public SourceSyntaxException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}

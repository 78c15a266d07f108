package dev.pythonapp.operator.scan.dockerfile;

/** A Dockerfile that Docker would reject: the message and the file offset of the problem. */
public class DockerfileSyntaxException extends Exception {
    private final int offset;

    public DockerfileSyntaxException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}

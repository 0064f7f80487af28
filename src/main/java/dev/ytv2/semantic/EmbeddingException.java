package dev.ytv2.semantic;

/** The provider could not embed: not reachable, refused, timed out, or answered something unusable. */
public final class EmbeddingException extends Exception {
    public EmbeddingException(String message) {
        super(message);
    }

    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.ytv2.render.backend;

/** A backend could not render; the message names the backend and the reason, and is shown to users. */
public final class BackendException extends Exception {
    public BackendException(String message) {
        super(message);
    }

    public BackendException(String backend, String reason) {
        super(backend + ": " + reason);
    }

    public BackendException(String backend, String reason, Throwable cause) {
        super(backend + ": " + reason, cause);
    }
}

package dev.ytv2.errors;

/**
 * What the domain refuses: input that is invalid, a thing that is not there, a state that forbids
 * the change. Stores and parsers throw it without knowing HTTP; {@code http.ApiError#status} turns
 * its kind into a status, in one place. The code is the stable {@code error} field clients test.
 */
public final class Refusal extends RuntimeException {
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, UNPROCESSABLE }

    private final Kind kind;
    private final String code;

    private Refusal(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    /** Malformed or out-of-range input. */
    public static Refusal invalid(String code, String message) {
        return new Refusal(Kind.INVALID, code, message);
    }

    public static Refusal notFound(String message) {
        return new Refusal(Kind.NOT_FOUND, "not_found", message);
    }

    /** Well-formed, but the thing's current state forbids it (already deleted, not deleted). */
    public static Refusal conflict(String code, String message) {
        return new Refusal(Kind.CONFLICT, code, message);
    }

    /** Well-formed, but it names something that may not be used here (a foreign file, an unknown variant). */
    public static Refusal unprocessable(String code, String message) {
        return new Refusal(Kind.UNPROCESSABLE, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}

package dev.ytv2.http;

import dev.ytv2.errors.Refusal;

/** A refusal the client caused: becomes `{error, message}` with this status. Never a 5xx. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    public ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** A domain refusal as an answer: the one place its kind becomes a status. */
    public static ApiError of(Refusal r) {
        int status = switch (r.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
        };
        return new ApiError(status, r.code(), r.getMessage());
    }

    public static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "not_found", message);
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(401, "unauthorized", message);
    }

    public static ApiError forbidden(String code, String message) {
        return new ApiError(403, code, message);
    }

    /** A header the refusal carries (say, Retry-After). */
    public ApiError withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public java.util.Map<String, String> headers() {
        return java.util.Collections.unmodifiableMap(headers);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}

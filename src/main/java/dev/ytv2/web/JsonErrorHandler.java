package dev.ytv2.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Errors Jetty answers itself, before a request reaches our routes (an undecodable URI, a header
 * block too large, a malformed request line): the same `{error, message}` JSON and security
 * headers as every other answer, instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends org.eclipse.jetty.server.handler.ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int code = request.getAttribute(ERROR_STATUS) instanceof Integer status ? status : response.getStatus();
        String reason = request.getAttribute(ERROR_MESSAGE) instanceof String m ? m : null;
        response.setStatus(code);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put("Content-Security-Policy", App.CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "same-origin");
        response.write(true, ByteBuffer.wrap(body(code, reason)), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put("X-Content-Type-Options", "nosniff");
        return ByteBuffer.wrap(body(status, reason));
    }

    private static byte[] body(int code, String reason) {
        String error = switch (code) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            default -> code >= 500 ? "internal_error" : "bad_request";
        };
        String message = code >= 500 ? "Something went wrong on the server; it has been logged."
                : "The request could not be read" + (reason == null || reason.isBlank() ? "." : ": " + clean(reason) + ".");
        return ("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Jetty's reasons are fixed English phrases; keep them that way in case one ever quotes input. */
    private static String clean(String reason) {
        String s = reason.replaceAll("[^A-Za-z0-9 .,:()'-]", " ").trim();
        return s.length() > 120 ? s.substring(0, 120) : s;
    }
}

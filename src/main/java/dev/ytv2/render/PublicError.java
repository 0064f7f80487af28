package dev.ytv2.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What anyone may read of a render failure. A backend's failure ("name: reason") shows which
 * backend failed, never the reason, which may carry the backend's address or its raw reply; our own
 * messages (a lost lease, a superseded prompt) name nothing outside and are shown as they are.
 */
final class PublicError {
    private static final Pattern BACKEND = Pattern.compile("^([a-z0-9_-]{1,40}): ");

    static final String REDACTED = "the image could not be rendered (the admin can see why)";

    private PublicError() {
    }

    static String of(String error) {
        Matcher m = BACKEND.matcher(error);
        return m.find() ? m.group(1) + ": " + REDACTED : error;
    }
}

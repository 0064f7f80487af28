package dev.ytv2.render.backend;

import java.util.Base64;

/** Base64 image payloads as servers send them, with or without a `data:image/...;base64,` prefix. */
final class Base64Image {
    private Base64Image() {
    }

    static byte[] decode(String backend, String text) throws BackendException {
        String data = text.strip();
        if (data.startsWith("data:")) data = data.substring(data.indexOf(',') + 1);
        try {
            return Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new BackendException(backend, "the image is not valid base64");
        }
    }
}

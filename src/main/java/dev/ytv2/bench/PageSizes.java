package dev.ytv2.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** How many bytes a page of 24 cards is: every field, as the browser asks for it, and gzipped. */
final class PageSizes {
    private static final int BAR = 20_000;

    private PageSizes() {
    }

    static String measure(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long full = bytes(http, base + "/api/reports?size=24", false);
        long card = bytes(http, base + "/api/reports?size=24&fields=card", false);
        long gzipped = bytes(http, base + "/api/reports?size=24&fields=card", true);
        return String.format("a page of 24: %,d bytes of JSON with every field, %,d as the browser asks (fields=card; bar <= %,d: %s), "
                + "%,d gzipped", full, card, BAR, card <= BAR ? "met" : "NOT met", gzipped);
    }

    private static long bytes(HttpClient http, String url, boolean gzip) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url));
        if (gzip) r.header("Accept-Encoding", "gzip");
        return http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }
}

package dev.ytv2.content;

import io.javalin.http.ContentType;
import io.javalin.http.Context;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Whole JSON answers kept encoded (and gzipped) per database snapshot: while no transaction has
 * committed, asking again costs one snapshot query and a copy, not the queries and the JSON. Each
 * answer carries an `ETag`, so a client that has it already gets a bodyless 304. An answer is stored
 * under the snapshot it was read in, so it is never older than the reads it is served for (a client
 * always sees its own committed writes).
 *
 * Two tiers, each bounded by bytes, least recently used out first: the answers asked for lately
 * keep their JSON and its gzip; many more keep only the gzip, a tenth of the size or less, which a
 * client that does not accept gzip gets inflated (tens of microseconds for a page, against
 * milliseconds to read and build it again). Deep pages and searches are seldom asked twice soon,
 * so it is the second tier that lets them be asked again at all.
 */
final class EncodedAnswers<K> {
    /** Below this a gzipped answer saves less than its headers cost. */
    private static final int MIN_GZIP = 1_500;

    /** An answer read in one snapshot; `gzip` is null for small answers, `json` for answers kept compact. */
    record Answer(String snapshot, byte[] json, byte[] gzip, String etag) {
        long bytes() {
            return (json == null ? 0 : json.length) + (gzip == null ? 0 : gzip.length);
        }

        /** The same answer without its JSON, when the gzip says it all. */
        Answer compact() {
            return gzip == null ? this : new Answer(snapshot, null, gzip, etag);
        }

        byte[] plain() {
            return json != null ? json : gunzip(gzip);
        }
    }

    /** What the caller computes on a miss: the answer's JSON and the snapshot it was read in. */
    record Encoded(String snapshot, byte[] json) {
    }

    private final long maxAnswerBytes;
    private final Tier<K> whole;
    private final Tier<K> compact;

    /** `maxBytes`: for answers with their JSON; `maxCompactBytes`: for the gzip of many more. */
    EncodedAnswers(long maxBytes, long maxCompactBytes, long maxAnswerBytes) {
        this.maxAnswerBytes = maxAnswerBytes;
        this.whole = new Tier<>(maxBytes);
        this.compact = new Tier<>(maxCompactBytes);
    }

    /** The answer for `key` as of `snapshot` (taken just now), computed when the stored one is older. */
    Answer get(K key, String snapshot, Supplier<Encoded> compute) {
        Answer hit = whole.get(key, snapshot);
        if (hit == null) hit = compact.get(key, snapshot);
        if (hit != null) return hit;
        Encoded fresh = compute.get();
        Answer answer = new Answer(fresh.snapshot(), fresh.json(), fresh.json().length >= MIN_GZIP ? gzip(fresh.json()) : null,
                etag(fresh.json()));
        if (answer.bytes() <= maxAnswerBytes) {
            whole.put(key, answer);
            compact.put(key, answer.compact());
        }
        return answer;
    }

    /** One tier: answers by key, bounded by their bytes. */
    private static final class Tier<K> {
        private final long maxBytes;
        private long bytes;
        private final LinkedHashMap<K, Answer> answers = new LinkedHashMap<>(256, 0.75f, true);

        Tier(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        synchronized Answer get(K key, String snapshot) {
            Answer hit = answers.get(key);
            return hit != null && hit.snapshot().equals(snapshot) ? hit : null;
        }

        synchronized void put(K key, Answer answer) {
            Answer old = answers.put(key, answer);
            if (old != null) bytes -= old.bytes();
            bytes += answer.bytes();
            for (var it = answers.entrySet().iterator(); bytes > maxBytes && it.hasNext(); ) {
                Map.Entry<K, Answer> eldest = it.next();
                bytes -= eldest.getValue().bytes();
                it.remove();
            }
        }
    }

    /**
     * Sends an answer: 304 when the client holds this version already, else the JSON, gzipped when
     * the client accepts it. `no-cache` makes browsers ask every time (with `If-None-Match`), so a
     * cached copy is never shown after a change; a private server's `no-store` is left as it is.
     */
    static void send(Context ctx, Answer answer) {
        ctx.header("ETag", answer.etag());
        ctx.header("Vary", "Accept-Encoding");
        if (ctx.res().getHeader("Cache-Control") == null) ctx.header("Cache-Control", "no-cache");
        if (matches(ctx.header("If-None-Match"), answer.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(ContentType.APPLICATION_JSON);
        if (answer.gzip() != null && acceptsGzip(ctx.header("Accept-Encoding"))) {
            // Set before the body, so Javalin's own compression leaves it alone.
            ctx.header("Content-Encoding", "gzip");
            ctx.result(answer.gzip());
        } else {
            ctx.result(answer.plain());
        }
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        String opaque = etag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals(opaque) || c.equals("W/" + opaque)) return true;
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String[] coding = part.trim().split(";");
            if (!coding[0].trim().equalsIgnoreCase("gzip")) continue;
            for (int i = 1; i < coding.length; i++) {
                String param = coding[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        return Double.parseDouble(param.substring(2)) > 0;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
            }
            return true;
        }
        return false;
    }

    /** Weak: the same JSON is sent plain or gzipped under one tag. */
    private static String etag(byte[] json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gunzip(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4);
        // Level 3 writes 7% more than the default 6 in less than half the time (a page: 150 against
        // 340 microseconds), and every answer read again pays it.
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(3);
            }
        }) {
            gz.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

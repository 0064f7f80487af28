package dev.ytv2.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every file the product stores (rendered images, uploads, audio, demo thumbnails), named by its
 * public `/exports/...` URL whatever holds it: the local disk ({@link LocalFileStore}) or an
 * S3-compatible bucket ({@link S3FileStore}). The URL is all the database ever keeps, so a library
 * moves between stores without a row changing. Only URLs whose every segment passes
 * {@link #relativePath} name a file; anything else is never resolved.
 */
public interface FileStore {
    String EXPORTS_URL = "/exports/";
    String IMAGES_URL = "/exports/images/";
    String AUDIO_URL = "/exports/audio/";
    /** Stored names are random and never reused, so a file under a URL never changes: served, it may be cached for good. */
    String CACHE_FOREVER = "public, max-age=31536000, immutable";

    /** Stores `size` bytes at `url` so that the file appears whole or not at all. */
    void write(String url, InputStream body, long size) throws IOException;

    /** The file behind a public URL path (a query string is ignored), if there is one. */
    Optional<StoredFile> resolve(String url);

    /** `length` bytes of the file from `start`, streamed as the caller reads. */
    InputStream open(StoredFile file, long start, long length) throws IOException;

    /** Removes the file; false when there was none (or it could not be removed). */
    boolean delete(String url);

    /** Every stored file whose URL starts with `urlPrefix` (itself under `/exports/`), at any depth. */
    List<StoredFile> list(String urlPrefix);

    /** Where a browser may fetch the file directly instead of through `/exports/`, when the store says so. */
    default Optional<String> publicUrl(String url) {
        return Optional.empty();
    }

    /** For logs and the copy command: where the files are. */
    String describe();

    /** Stores bytes under a fresh random name in `folder` of the image or audio store; returns the public URL. */
    default String save(MediaType type, String folder, byte[] bytes) {
        if (!SEGMENT.matcher(folder).matches()) throw new IllegalArgumentException("bad folder " + folder);
        // A random, never reused name is what lets every stored file be served as immutable.
        String name = UUID.randomUUID().toString().replace("-", "") + "." + type.extension();
        return put((type.isImage() ? IMAGES_URL : AUDIO_URL) + folder + "/" + name, bytes);
    }

    /**
     * Stores audio at the top of the audio store under a name the caller built from checked parts
     * (never a client's path); returns the public URL.
     */
    default String saveAudioNamed(String name, byte[] bytes) {
        if (!SEGMENT.matcher(name).matches() || name.contains("..")) throw new IllegalArgumentException("bad name " + name);
        return put(AUDIO_URL + name, bytes);
    }

    /** Stores bytes at a URL the caller chose (checked like any other); returns it. */
    default String put(String url, byte[] bytes) {
        if (relativePath(url).isEmpty()) throw new IllegalArgumentException("not a stored file's URL: " + url);
        try {
            write(url, new ByteArrayInputStream(bytes), bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store " + url, e);
        }
        return url;
    }

    /** What a client uploaded: images and audio in an `uploads` folder, and NAS audio named `audio_<id>_<stamp>_<random>.<ext>`. */
    static boolean isUpload(String url) {
        return Names.UPLOAD_URL.matcher(url).matches();
    }

    /**
     * The path below `/exports/` a URL names (`images/ai1/x.png`), when every segment is a plain
     * name: so "..", ".", empty segments, backslashes, NUL and encoded tricks never reach a store.
     */
    static Optional<String> relativePath(String url) {
        if (url == null) return Optional.empty();
        int q = url.indexOf('?');
        String path = q >= 0 ? url.substring(0, q) : url;
        if (!path.startsWith(EXPORTS_URL)) return Optional.empty();
        String rest = path.substring(EXPORTS_URL.length());
        String[] segments = rest.split("/", -1);
        if (segments.length > 9) return Optional.empty();
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) return Optional.empty();
        }
        return Optional.of(rest);
    }

    Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** Patterns kept out of the interface's public face. */
    final class Names {
        private static final Pattern UPLOAD_URL = Pattern.compile(
                "/exports/(images|audio)/uploads/[^/]+|/exports/audio/audio_[^/]+_[0-9]{14}_[0-9a-f]{8}\\.[a-z0-9]{3,4}");

        private Names() {
        }
    }
}

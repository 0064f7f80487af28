package dev.ytv2.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The image and audio stores under YTV2_DATA_DIR, and the only code that turns a public
 * `/exports/...` URL into a file. Names are chosen here; a path that leaves its store, or passes
 * through a link, is never resolved.
 */
public final class FileStore {
    public static final String IMAGES_URL = "/exports/images/";
    public static final String AUDIO_URL = "/exports/audio/";
    /** What a client uploaded: images and audio in an `uploads` folder, and NAS audio named `audio_<id>_<stamp>_<random>.<ext>`. */
    private static final Pattern UPLOAD_URL = Pattern.compile(
            "/exports/(images|audio)/uploads/[^/]+|/exports/audio/audio_[^/]+_[0-9]{14}_[0-9a-f]{8}\\.[a-z0-9]{3,4}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path images;
    private final Path audio;
    private final Path exports;
    private final SecureRandom random = new SecureRandom();

    public FileStore(Path images, Path audio, Path exports) {
        this.images = create(images);
        this.audio = create(audio);
        this.exports = create(exports);
    }

    public Path imagesDir() {
        return images;
    }

    public Path audioDir() {
        return audio;
    }

    /** Stores bytes under a fresh random name in `folder` of the image or audio store; returns the public URL. */
    public String save(MediaType type, String folder, byte[] bytes) {
        Path root = type.isImage() ? images : audio;
        if (!SEGMENT.matcher(folder).matches()) throw new IllegalArgumentException("bad folder " + folder);
        String name = HexFormat.of().formatHex(randomBytes()) + "." + type.extension();
        try {
            Path dir = Files.createDirectories(root.resolve(folder));
            Path tmp = Files.createTempFile(dir, ".upload-", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (type.isImage() ? IMAGES_URL : AUDIO_URL) + folder + "/" + name;
    }

    /**
     * Stores audio at the top of the audio store under a name the caller built from checked parts
     * (never a client's path); returns the public URL.
     */
    public String saveAudioNamed(String name, byte[] bytes) {
        if (!SEGMENT.matcher(name).matches() || name.contains("..")) throw new IllegalArgumentException("bad name " + name);
        try {
            Path tmp = Files.createTempFile(audio, ".upload-", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, audio.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AUDIO_URL + name;
    }

    /** Whether a public URL names a file a client uploaded (as opposed to one the server made for a report). */
    public static boolean isUpload(String url) {
        return UPLOAD_URL.matcher(url).matches();
    }

    /** Regular files at the top of the audio store whose names match, newest first. */
    public java.util.List<Path> audioFiles(Pattern name) {
        try (var files = Files.list(audio)) {
            return files.filter(f -> name.matcher(f.getFileName().toString()).matches())
                    .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .sorted(java.util.Comparator.comparing(FileStore::modified).reversed().thenComparing(Path::toString, java.util.Comparator.reverseOrder()))
                    .toList();
        } catch (IOException e) {
            return java.util.List.of();
        }
    }

    public static java.nio.file.attribute.FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    /** The file behind a public URL path, if it is a regular file inside a store. */
    public Optional<Path> resolve(String urlPath) {
        if (urlPath == null) return Optional.empty();
        String path = urlPath;
        int q = path.indexOf('?');
        if (q >= 0) path = path.substring(0, q);
        Path root;
        String rest;
        if (path.startsWith(IMAGES_URL)) {
            root = images;
            rest = path.substring(IMAGES_URL.length());
        } else if (path.startsWith(AUDIO_URL)) {
            root = audio;
            rest = path.substring(AUDIO_URL.length());
        } else if (path.startsWith("/exports/")) {
            root = exports;
            rest = path.substring("/exports/".length());
        } else {
            return Optional.empty();
        }
        return within(root, rest);
    }

    private static Optional<Path> within(Path root, String rest) {
        String[] segments = rest.split("/", -1);
        if (segments.length == 0 || segments.length > 8) return Optional.empty();
        Path candidate = root;
        for (String segment : segments) {
            // Allow-list, so "..", ".", empty, backslashes, NUL and encoded tricks never get this far.
            if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) return Optional.empty();
            candidate = candidate.resolve(segment);
            if (Files.isSymbolicLink(candidate)) return Optional.empty();
        }
        try {
            Path real = candidate.toRealPath();
            if (!real.startsWith(root.toRealPath()) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
            return Optional.of(real);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public boolean delete(String urlPath) {
        return resolve(urlPath).map(p -> {
            try {
                return Files.deleteIfExists(p);
            } catch (IOException e) {
                return false;
            }
        }).orElse(false);
    }

    private byte[] randomBytes() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return b;
    }

    private static Path create(Path dir) {
        try {
            return Files.createDirectories(dir).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}

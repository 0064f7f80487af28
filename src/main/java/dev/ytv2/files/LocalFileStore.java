package dev.ytv2.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The stores on the local disk under YTV2_DATA_DIR: `/exports/images/...` in one folder,
 * `/exports/audio/...` in another, any other `/exports/...` in a third. A path that leaves its
 * folder, or passes through a link, is never resolved; files are written to a temporary name and
 * moved into place, so a reader never sees half of one.
 */
public final class LocalFileStore implements FileStore {
    private final Path images;
    private final Path audio;
    private final Path exports;

    public LocalFileStore(Path images, Path audio, Path exports) {
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

    @Override
    public String describe() {
        return "local disk (" + images.getParent() + ")";
    }

    @Override
    public void write(String url, InputStream body, long size) throws IOException {
        Path target = target(url).orElseThrow(() -> new IllegalArgumentException("not a stored file's URL: " + url));
        Path dir = Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(dir, ".upload-", ".tmp");
        try {
            long copied = Files.copy(body, tmp, StandardCopyOption.REPLACE_EXISTING);
            if (copied != size) throw new IOException("expected " + size + " bytes for " + url + ", got " + copied);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public Optional<StoredFile> resolve(String url) {
        return path(url).flatMap(p -> describe(url, p));
    }

    /** The file on disk behind a public URL, if it is a regular file inside a store. */
    public Optional<Path> path(String url) {
        return target(url).flatMap(this::existing);
    }

    @Override
    public InputStream open(StoredFile file, long start, long length) throws IOException {
        Path p = path(file.url()).orElseThrow(() -> new java.nio.file.NoSuchFileException(file.url()));
        if (start == 0 && length == file.size()) return Files.newInputStream(p);
        SeekableByteChannel channel = Files.newByteChannel(p);
        channel.position(start);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }

    @Override
    public boolean delete(String url) {
        return path(url).map(p -> {
            try {
                return Files.deleteIfExists(p);
            } catch (IOException e) {
                return false;
            }
        }).orElse(false);
    }

    @Override
    public List<StoredFile> list(String urlPrefix) {
        List<StoredFile> out = new ArrayList<>();
        for (String base : List.of(IMAGES_URL, AUDIO_URL, EXPORTS_URL)) {
            if (!urlPrefix.startsWith(base) && !base.startsWith(urlPrefix)) continue;
            Path root = rootOf(base);
            // Walk only the folder the prefix names, not the whole store.
            String within = urlPrefix.length() > base.length() ? urlPrefix.substring(base.length()) : "";
            Path start = within.contains("/") ? root.resolve(within.substring(0, within.lastIndexOf('/'))) : root;
            if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) continue;
            try (Stream<Path> walk = Files.walk(start, 8)) {
                walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                        .map(p -> base + root.relativize(p).toString().replace('\\', '/'))
                        .filter(url -> url.startsWith(urlPrefix) && rootOf(url) == root)
                        .forEach(url -> resolve(url).ifPresent(out::add));
            } catch (IOException | UncheckedIOException e) {
                // A folder that vanishes while it is listed lists as what was read of it.
            }
        }
        return out;
    }

    private Optional<Path> target(String url) {
        return FileStore.relativePath(url).map(rest -> {
            String path = EXPORTS_URL + rest;
            Path root = rootOf(path);
            return root.resolve(path.substring(baseOf(root).length()));
        });
    }

    private Path rootOf(String path) {
        if (path.startsWith(IMAGES_URL)) return images;
        if (path.startsWith(AUDIO_URL)) return audio;
        return exports;
    }

    private String baseOf(Path root) {
        return root == images ? IMAGES_URL : root == audio ? AUDIO_URL : EXPORTS_URL;
    }

    private Optional<Path> existing(Path candidate) {
        Path root = candidate.startsWith(images) ? images : candidate.startsWith(audio) ? audio : exports;
        for (Path p = candidate; p != null && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) return Optional.empty();
        }
        try {
            Path real = candidate.toRealPath();
            if (!real.startsWith(root) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
            return Optional.of(real);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<StoredFile> describe(String url, Path p) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String plain = url.indexOf('?') < 0 ? url : url.substring(0, url.indexOf('?'));
            String etag = "\"" + Long.toHexString(attrs.size()) + "-" + Long.toHexString(attrs.lastModifiedTime().toMillis()) + "\"";
            return Optional.of(new StoredFile(plain, attrs.size(), attrs.lastModifiedTime().toInstant(), etag));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path create(Path dir) {
        try {
            return Files.createDirectories(dir).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** Reads at most `remaining` bytes: the range, not the rest of the file. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) return -1;
            int b = super.read();
            if (b >= 0) remaining--;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (remaining <= 0) return -1;
            int n = super.read(buf, off, (int) Math.min(len, remaining));
            if (n > 0) remaining -= n;
            return n;
        }
    }
}

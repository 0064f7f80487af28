package dev.ytv2.files;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stores in one bucket of an S3-compatible service, under a key prefix: the file at
 * `/exports/images/ai1/x.png` is the object `<prefix>images/ai1/x.png`. A PUT is atomic, so an
 * object is whole or absent; reads stream the object (a byte range is asked of S3 as a range).
 */
public final class S3FileStore implements FileStore, AutoCloseable {
    /** How long a looked-up object's size and tag are trusted before it is asked again. */
    private static final long TRUST_NANOS = Duration.ofSeconds(60).toNanos();
    private static final int MAX_REMEMBERED = 20_000;

    private final S3Client s3;
    private final S3Settings settings;
    private final Parts parts;
    /**
     * Objects looked up lately: names are never reused, so size and tag cannot change, and serving a
     * popular image costs one GET instead of a HEAD and a GET. A deletion here forgets at once; one
     * by another process is noticed by the GET (404) or after the trust period.
     */
    private final ConcurrentHashMap<String, Remembered> recent = new ConcurrentHashMap<>();

    private record Remembered(StoredFile file, long until) {
    }

    /**
     * When a file is uploaded in parts, and how big they are. One PUT takes at most 5 GB and, over
     * plain http, is held in memory to be signed; parts bound both (S3 allows 10,000 parts of 5 MiB
     * to 5 GiB, the last one smaller).
     */
    public record Parts(long above, long size) {
        public static final long MIB = 1024 * 1024;
        public static final Parts DEFAULT = new Parts(64 * MIB, 16 * MIB);

        public Parts {
            if (size < 5 * MIB || above < size) throw new IllegalArgumentException("parts of at least 5 MiB, and no more than the threshold");
        }

        /** The part size for a file of `total` bytes: the configured one, larger where 10,000 of them would not hold it. */
        long sizeFor(long total) {
            long least = (total + 9_999) / 10_000;
            return Math.max(size, (least + MIB - 1) / MIB * MIB);
        }
    }

    public S3FileStore(S3Settings settings) {
        this(settings, Parts.DEFAULT);
    }

    public S3FileStore(S3Settings settings, Parts parts) {
        this.settings = settings;
        this.parts = parts;
        this.s3 = client(settings);
    }

    static S3Client client(S3Settings settings) {
        AwsCredentialsProvider credentials = settings.accessKey().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey().get(), settings.secretKey().get()))
                : DefaultCredentialsProvider.builder().build();
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // The SDK's default checksums (CRC32 trailers on every PUT) are refused by several
                // S3-compatible servers; checksums only where an operation requires them work everywhere.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(60)));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public void write(String url, InputStream body, long size) throws IOException {
        String key = key(url).orElseThrow(() -> new IllegalArgumentException("not a stored file's URL: " + url));
        String type = MediaType.ofFileName(key).map(MediaType::contentType).orElse("application/octet-stream");
        recent.remove(key);
        if (size > parts.above()) {
            new MultipartUpload(s3, settings.bucket(), key, type, parts.sizeFor(size)).write(body, size, url + " in " + describe());
            return;
        }
        try {
            s3.putObject(b -> b.bucket(settings.bucket()).key(key).contentType(type).cacheControl(CACHE_FOREVER).contentLength(size),
                    RequestBody.fromInputStream(body, size));
        } catch (SdkException e) {
            throw new IOException("could not store " + url + " in " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<StoredFile> resolve(String url) {
        Optional<String> key = key(url);
        if (key.isEmpty()) return Optional.empty();
        Remembered r = recent.get(key.get());
        if (r != null && r.until() - System.nanoTime() > 0) return Optional.of(r.file());
        Optional<StoredFile> found = head(key.get()).map(h -> new StoredFile(plain(url), h.contentLength(), h.lastModified(), h.eTag()));
        if (recent.size() >= MAX_REMEMBERED) recent.clear();
        found.ifPresentOrElse(f -> recent.put(key.get(), new Remembered(f, System.nanoTime() + TRUST_NANOS)), () -> recent.remove(key.get()));
        return found;
    }

    @Override
    public InputStream open(StoredFile file, long start, long length) throws IOException {
        String key = key(file.url()).orElseThrow();
        try {
            // The whole object is asked for without a range, so a server that ignores ranges still answers it.
            boolean whole = start == 0 && length == file.size();
            return s3.getObject(b -> {
                b.bucket(settings.bucket()).key(key);
                if (!whole) b.range("bytes=" + start + "-" + (start + length - 1));
            });
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                recent.remove(key);
                throw new java.nio.file.NoSuchFileException(file.url());
            }
            throw new IOException("could not read " + file.url() + " from " + describe() + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("could not read " + file.url() + " from " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delete(String url) {
        return key(url).map(key -> {
            recent.remove(key);
            if (head(key).isEmpty()) return false;
            try {
                s3.deleteObject(b -> b.bucket(settings.bucket()).key(key));
                return true;
            } catch (SdkException e) {
                return false;
            }
        }).orElse(false);
    }

    @Override
    public List<StoredFile> list(String urlPrefix) {
        if (!urlPrefix.startsWith(EXPORTS_URL)) return List.of();
        String keyPrefix = settings.prefix() + urlPrefix.substring(EXPORTS_URL.length());
        List<StoredFile> out = new ArrayList<>();
        try {
            s3.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(keyPrefix)).contents().forEach(o -> {
                String url = EXPORTS_URL + o.key().substring(settings.prefix().length());
                if (FileStore.relativePath(url).isPresent()) out.add(new StoredFile(url, o.size(), o.lastModified(), o.eTag()));
            });
        } catch (SdkException e) {
            throw new UncheckedIOException(new IOException("could not list " + describe() + ": " + e.getMessage(), e));
        }
        return out;
    }

    @Override
    public Optional<String> publicUrl(String url) {
        return settings.publicUrl().flatMap(base -> key(url).map(key -> base + "/" + key));
    }

    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(settings.bucket()).key(key)));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw new UncheckedIOException(new IOException("could not look up " + key + " in " + describe() + ": " + e.getMessage(), e));
        } catch (SdkException e) {
            throw new UncheckedIOException(new IOException("could not look up " + key + " in " + describe() + ": " + e.getMessage(), e));
        }
    }

    private Optional<String> key(String url) {
        return FileStore.relativePath(url).map(rest -> settings.prefix() + rest);
    }

    private static String plain(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    @Override
    public void close() {
        s3.close();
    }
}

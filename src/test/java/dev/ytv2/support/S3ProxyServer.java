package dev.ytv2.support;

import dev.ytv2.files.S3Settings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * A real S3 server for tests: S3Proxy over a temporary folder, in a JVM of its own (its Jetty 11
 * cannot share our classpath with Javalin's Jetty 12; Maven writes its classpath to
 * target/s3proxy.classpath). Register it with {@code @RegisterExtension static}: it starts once per
 * test class, answers SigV4 requests with fixed keys, and is stopped after the class.
 */
public final class S3ProxyServer implements BeforeAllCallback, AfterAllCallback {
    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";

    private final AtomicInteger buckets = new AtomicInteger();
    private final boolean fullSpeed;
    private Process process;
    private Path dir;
    private URI endpoint;
    private S3Client client;

    /** For tests: quick to start (the JIT's first tier only). */
    public S3ProxyServer() {
        this(false);
    }

    /** `fullSpeed` for benchmarks: every JIT tier, slower to start, faster once warm. */
    public S3ProxyServer(boolean fullSpeed) {
        this.fullSpeed = fullSpeed;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path classpathFile = Path.of("target", "s3proxy.classpath");
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException(classpathFile + " is missing: run the tests through Maven (mvn test), which writes it");
        }
        dir = Files.createTempDirectory("ytv2-s3proxy-");
        Files.createDirectories(dir.resolve("data"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        endpoint = URI.create("http://127.0.0.1:" + port);
        Path properties = dir.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + dir.resolve("data"),
                ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, fullSpeed ? "-Xmx512m" : "-Xmx160m", fullSpeed ? "-XX:+UseSerialGC" : "-XX:TieredStopAtLevel=1",
                "-cp", Files.readString(classpathFile).strip(), "org.gaul.s3proxy.Main", "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
        await("S3Proxy answering on " + endpoint).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) throw new IllegalStateException("S3Proxy exited: " + log());
                    return answers();
                });
        client = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (client != null) client.close();
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client of the same server, for looking at the bucket directly. */
    public S3Client client() {
        return client;
    }

    /** A new, empty bucket. */
    public String newBucket() {
        String bucket = "ytv2-test-" + buckets.incrementAndGet();
        client.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    public S3Settings settings(String bucket, String prefix) {
        return new S3Settings(bucket, prefix, Optional.of(endpoint), "us-east-1", true, Optional.of(ACCESS_KEY), Optional.of(SECRET_KEY),
                Optional.empty());
    }

    /** What a server or worker needs in its environment to keep its files at `s3://bucket/prefix`. */
    public void configure(Map<String, String> env, String bucket, String prefix) {
        env.put("YTV2_STORAGE", "s3://" + bucket + "/" + prefix);
        env.put("YTV2_S3_ENDPOINT", endpoint.toString());
        env.put("YTV2_S3_ACCESS_KEY", ACCESS_KEY);
        env.put("YTV2_S3_SECRET_KEY", SECRET_KEY);
    }

    /** The keys of objects in a bucket under a prefix (S3Proxy's filesystem backend also lists its folders as `.../`: left out). */
    public List<String> keys(String bucket, String prefix) {
        return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(software.amazon.awssdk.services.s3.model.S3Object::key).filter(k -> !k.endsWith("/")).sorted().toList();
    }

    private boolean answers() {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            int status = c.getResponseCode();
            c.disconnect();
            return status > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("s3proxy.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

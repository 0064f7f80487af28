package dev.ytv2.files;

import dev.ytv2.app.Config;
import dev.ytv2.app.StorageCommand;
import dev.ytv2.demo.DemoLibrary;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.Multipart;
import dev.ytv2.support.S3ProxyServer;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** `ytv2 storage copy`: a library on disk moves to a bucket under the same URLs, and an interrupted copy resumes. */
@DbTest
class StorageCopyTest {
    @RegisterExtension
    static final S3ProxyServer S3 = new S3ProxyServer();

    @Test
    void aLibraryWithImagesAndAudioIsCopiedInterruptedAndResumedUnderTheSameUrls() throws Exception {
        Path data = Files.createTempDirectory("ytv2-copy-");
        LocalFileStore local = new LocalFileStore(data.resolve("images"), data.resolve("audio"), data.resolve("exports"));
        new DemoLibrary().generate(30, 11, local::put);
        String render = local.save(MediaType.PNG, "ai1", Multipart.png());
        String upload = local.save(MediaType.PNG, "uploads", Multipart.png());
        List<StoredFile> library = local.list(FileStore.EXPORTS_URL).stream().sorted(java.util.Comparator.comparing(StoredFile::url)).toList();
        assertThat(library).extracting(StoredFile::url).contains(render, upload)
                .anyMatch(u -> u.startsWith("/exports/audio/") && u.endsWith(".wav"))
                .anyMatch(u -> u.startsWith("/exports/images/demo/"));
        int total = library.size();

        String bucket = S3.newBucket();
        S3FileStore s3 = new S3FileStore(S3.settings(bucket, "moved/"));
        // Interrupted after 10 files, as a killed process would be.
        AtomicInteger seen = new AtomicInteger();
        assertThatThrownBy(() -> new StorageCopy(local, s3).run(p -> {
            if (seen.incrementAndGet() == 10) throw new IllegalStateException("interrupted");
        })).hasMessage("interrupted");
        assertThat(S3.keys(bucket, "moved/")).as(S3.keys(bucket, "moved/").toString()).hasSize(10);
        // One object not yet copied is there with another length (a half-done upload by another tool): copied again.
        String damaged = library.get(total - 1).url();
        s3.put(damaged, new byte[] {1, 2, 3});

        Map<String, String> env = new HashMap<>();
        env.put("YTV2_DATA_DIR", data.toString());
        env.put("YTV2_S3_ENDPOINT", S3.endpoint().toString());
        env.put("YTV2_S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY);
        env.put("YTV2_S3_SECRET_KEY", S3ProxyServer.SECRET_KEY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = StorageCommand.run(Config.fromEnv(env), List.of("copy", "--to", "s3://" + bucket + "/moved"));
        } finally {
            System.setOut(stdout);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        assertThat(printed).contains(total + "/" + total + " files (" + (total - 10) + " copied, 10 already there)")
                .contains("no URL changed");

        assertThat(S3.keys(bucket, "moved/")).hasSize(total);
        for (StoredFile file : library) {
            StoredFile copy = s3.resolve(file.url()).orElseThrow();
            assertThat(copy.size()).as(file.url()).isEqualTo(file.size());
            try (InputStream a = local.open(file, 0, file.size()); InputStream b = s3.open(copy, 0, copy.size())) {
                assertThat(b.readAllBytes()).as(file.url()).isEqualTo(a.readAllBytes());
            }
        }
        // Run again: nothing left to copy.
        assertThat(new StorageCopy(local, s3).run(p -> { }).copied()).isZero();

        // A server on the bucket answers the library's URLs as the disk did.
        try (TestServer server = TestServer.start(e -> S3.configure(e, bucket, "moved"))) {
            assertThat(server.getBytes(render).body()).isEqualTo(Multipart.png());
            StoredFile audio = library.stream().filter(f -> f.url().endsWith(".wav")).findFirst().orElseThrow();
            var served = server.getBytes(audio.url());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).hasValue("audio/wav");
            assertThat(served.body()).hasSize((int) audio.size());
        }
        s3.close();
    }

    static final long MIB = S3FileStore.Parts.MIB;

    @Test
    void aFileAboveThePartThresholdGoesInCheckedPartsAndAnUploadCutOffMidwayLeavesNothingAndResumes() throws Exception {
        Path data = Files.createTempDirectory("ytv2-copy-big-");
        LocalFileStore local = new LocalFileStore(data.resolve("images"), data.resolve("audio"), data.resolve("exports"));
        byte[] big = new byte[(int) (12 * MIB + 12345)];
        new java.util.Random(7).nextBytes(big);
        String episode = local.put("/exports/audio/long-episode.wav", big);
        String image = local.save(MediaType.PNG, "ai1", Multipart.png());

        String bucket = S3.newBucket();
        // Parts of 5 MiB above 6 MiB, as the default 16 MiB above 64 MiB would be for a file of gigabytes.
        S3FileStore s3 = new S3FileStore(S3.settings(bucket, "big/"), new S3FileStore.Parts(6 * MIB, 5 * MIB));
        // The source stops answering 7 MiB into the large file: the second part was being sent.
        FileStore cutOff = new CutOff(local, episode, 7 * MIB);
        assertThatThrownBy(() -> new StorageCopy(cutOff, s3).run(p -> { })).hasMessageContaining("cut off");
        assertThat(S3.keys(bucket, "big/")).as("no half object").doesNotContain("big/audio/long-episode.wav");
        assertThat(S3.client().listMultipartUploads(b -> b.bucket(bucket)).uploads()).as("the upload was aborted").isEmpty();

        StorageCopy.Progress resumed = new StorageCopy(local, s3).run(p -> { });
        assertThat(resumed.copied()).as("the large file, and the image it had not reached (files go in URL order)").isEqualTo(2);
        StoredFile copy = s3.resolve(episode).orElseThrow();
        assertThat(copy.size()).isEqualTo(big.length);
        // The ETag S3 gives an object assembled from parts: the MD5 of the three parts' MD5s, then "-3".
        assertThat(copy.etag()).isEqualTo("\"" + compositeEtag(big, (int) (5 * MIB)) + "\"");
        try (InputStream in = s3.open(copy, 0, copy.size())) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }
        try (InputStream in = s3.open(copy, 10 * MIB, 100)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(big, (int) (10 * MIB), (int) (10 * MIB) + 100));
        }
        assertThat(s3.resolve(image).orElseThrow().size()).isEqualTo(Multipart.png().length);
        assertThat(new StorageCopy(local, s3).run(p -> { }).copied()).as("all there: nothing to copy").isZero();
        s3.close();
    }

    static String compositeEtag(byte[] bytes, int partSize) throws Exception {
        java.security.MessageDigest all = java.security.MessageDigest.getInstance("MD5");
        int parts = 0;
        for (int at = 0; at < bytes.length; at += partSize, parts++) {
            all.update(java.security.MessageDigest.getInstance("MD5").digest(java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + partSize))));
        }
        return java.util.HexFormat.of().formatHex(all.digest()) + "-" + parts;
    }

    /** A store whose stream of one file fails after `after` bytes, as a dropped connection or a dying disk would. */
    record CutOff(FileStore store, String url, long after) implements FileStore {
        @Override
        public InputStream open(StoredFile file, long start, long length) throws java.io.IOException {
            InputStream in = store.open(file, start, length);
            if (!file.url().equals(url)) return in;
            return new java.io.FilterInputStream(in) {
                long read;

                @Override
                public int read(byte[] b, int off, int len) throws java.io.IOException {
                    if (read >= after) throw new java.io.IOException("cut off after " + read + " bytes");
                    int n = super.read(b, off, (int) Math.min(len, after - read));
                    if (n > 0) read += n;
                    return n;
                }

                @Override
                public int read() throws java.io.IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }
            };
        }

        @Override
        public void write(String u, InputStream body, long size) throws java.io.IOException {
            store.write(u, body, size);
        }

        @Override
        public java.util.Optional<StoredFile> resolve(String u) {
            return store.resolve(u);
        }

        @Override
        public boolean delete(String u) {
            return store.delete(u);
        }

        @Override
        public List<StoredFile> list(String urlPrefix) {
            return store.list(urlPrefix);
        }

        @Override
        public String describe() {
            return "cut-off " + store.describe();
        }
    }
}

package dev.ytv2.files;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One object uploaded in parts, whole or not at all: each part goes with its MD5 (`Content-MD5`,
 * which S3 checks against what it received), the object appears only when the upload is completed,
 * and the ETag S3 gives the completed object (the MD5 of the parts' MD5s, "-" and their count) is
 * checked against the one computed here. On any failure the upload is aborted, so no part is left
 * behind to be billed, and no object is there.
 */
final class MultipartUpload {
    private static final Pattern COMPOSITE_ETAG = Pattern.compile("\"?([0-9a-f]{32}-[0-9]+)\"?");

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final long partSize;

    MultipartUpload(S3Client s3, String bucket, String key, String contentType, long partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
        this.partSize = partSize;
    }

    void write(InputStream body, long size, String what) throws IOException {
        String uploadId;
        try {
            uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)
                    .cacheControl(FileStore.CACHE_FOREVER)).uploadId();
        } catch (SdkException e) {
            throw new IOException("could not start storing " + what + ": " + e.getMessage(), e);
        }
        try {
            List<CompletedPart> done = new ArrayList<>();
            ByteArrayOutputStream partMd5s = new ByteArrayOutputStream();
            long sent = 0;
            for (int number = 1; sent < size; number++) {
                int length = (int) Math.min(partSize, size - sent);
                byte[] part = body.readNBytes(length);
                if (part.length < length) {
                    throw new IOException(what + ": the source ended after " + (sent + part.length) + " of " + size + " bytes");
                }
                byte[] md5 = md5(part);
                partMd5s.write(md5);
                int n = number;
                // A stream over the array, not fromBytes: that would copy each part once more.
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(n)
                        .contentLength((long) length).contentMD5(Base64.getEncoder().encodeToString(md5)), RequestBody.fromInputStream(new ByteArrayInputStream(part), length)).eTag();
                done.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
                sent += length;
            }
            String expected = HexFormat.of().formatHex(md5(partMd5s.toByteArray())) + "-" + done.size();
            String etag = s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(done))).eTag();
            Matcher m = COMPOSITE_ETAG.matcher(etag == null ? "" : etag);
            if (m.matches() && !m.group(1).equals(expected)) {
                s3.deleteObject(b -> b.bucket(bucket).key(key));
                throw new IOException(what + ": S3 assembled an object with ETag " + etag + ", its parts say " + expected + "; removed");
            }
        } catch (IOException | RuntimeException e) {
            abort(uploadId, e);
            if (e instanceof SdkException) throw new IOException("could not store " + what + ": " + e.getMessage(), e);
            throw e;
        }
    }

    private void abort(String uploadId, Exception cause) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            cause.addSuppressed(e);
        }
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.ytv2.files;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an S3-compatible store is and how to reach it: `s3://bucket/prefix`, an endpoint for
 * anything but AWS itself (MinIO, Garage, SeaweedFS, Ceph RGW, R2), path-style addressing for the
 * servers that need it, and keys (otherwise the SDK's usual chain: environment, profile, instance role).
 */
public record S3Settings(String bucket, String prefix, Optional<URI> endpoint, String region, boolean pathStyle,
                         Optional<String> accessKey, Optional<String> secretKey, Optional<String> publicUrl) {
    private static final Pattern LOCATION = Pattern.compile("s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:/(.*))?");

    public S3Settings {
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException("YTV2_S3_ACCESS_KEY and YTV2_S3_SECRET_KEY are set together or not at all");
        }
        publicUrl = publicUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    }

    /** `s3://bucket/prefix`: the prefix may be empty, and otherwise always ends in `/`. */
    public record Location(String bucket, String prefix) {
    }

    public static Location location(String value) {
        Matcher m = LOCATION.matcher(value.strip());
        if (!m.matches()) throw new IllegalArgumentException("an S3 location looks like s3://bucket/prefix, got '" + value + "'");
        String prefix = m.group(2) == null ? "" : m.group(2).replaceAll("^/+|/+$", "");
        if (!prefix.isEmpty()) {
            for (String segment : prefix.split("/")) {
                if (!FileStore.SEGMENT.matcher(segment).matches()) {
                    throw new IllegalArgumentException("the prefix of " + value + " may hold only letters, digits, '.', '_' and '-' between slashes");
                }
            }
            prefix = prefix + "/";
        }
        return new Location(m.group(1), prefix);
    }

    /** The same connection settings for another bucket and prefix (the copy command's target). */
    public S3Settings at(String location) {
        Location l = location(location);
        return new S3Settings(l.bucket(), l.prefix(), endpoint, region, pathStyle, accessKey, secretKey, publicUrl);
    }

    public String describe() {
        return "s3://" + bucket + "/" + prefix + endpoint.map(e -> " at " + e).orElse("");
    }
}

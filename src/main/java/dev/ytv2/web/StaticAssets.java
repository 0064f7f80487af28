package dev.ytv2.web;

import dev.ytv2.http.ApiError;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The UI's files, read once from the jar. They are served under `/static/<hash of them all>/`, so
 * a new version gets new URLs and browsers may cache every file forever: no cache-busters, no hard
 * refresh. `index.html` is the one file served fresh, with that prefix filled in.
 */
public final class StaticAssets {
    private record Asset(byte[] bytes, String contentType) {
    }

    /** Scripts loaded as classic scripts, not modules. */
    private static final java.util.Set<String> CLASSIC_SCRIPTS = java.util.Set.of("theme-boot.js");

    private final Map<String, Asset> assets;
    private final String version;
    private final byte[] index;

    private StaticAssets(Map<String, Asset> assets, String version, byte[] index) {
        this.assets = assets;
        this.version = version;
        this.index = index;
    }

    public static StaticAssets load() {
        Map<String, Asset> assets = new TreeMap<>();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            var root = StaticAssets.class.getClassLoader().getResource("web/static");
            if (root != null) {
                URI uri = root.toURI();
                if (uri.getScheme().equals("jar")) {
                    try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                        collect(fs.getPath("/web/static"), assets);
                    }
                } else {
                    collect(Path.of(uri), assets);
                }
            }
            assets.forEach((path, asset) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update(asset.bytes());
            });
            String version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
            byte[] index;
            try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream("web/index.html")) {
                String html = in == null ? "<!doctype html><title>YTV2</title><p>The dashboard UI is not built into this jar.</p>"
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                // Every module announced up front: the browser fetches them side by side instead of
                // discovering them import by import, one round trip per level of the module graph.
                String preloads = assets.keySet().stream()
                        .filter(path -> path.endsWith(".js") && !CLASSIC_SCRIPTS.contains(path))
                        .map(path -> "<link rel=\"modulepreload\" href=\"{{ASSET_BASE}}/" + path + "\">")
                        .collect(java.util.stream.Collectors.joining("\n  "));
                index = html.replace("{{MODULE_PRELOADS}}", preloads).replace("{{ASSET_BASE}}", "/static/" + version)
                        .getBytes(StandardCharsets.UTF_8);
            }
            return new StaticAssets(Map.copyOf(assets), version, index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Path root, Map<String, Asset> out) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                out.put(rel, new Asset(Files.readAllBytes(file), contentType(rel)));
            }
        }
    }

    public String version() {
        return version;
    }

    public void index(Context ctx) {
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("text/html; charset=utf-8").result(index);
    }

    public void asset(Context ctx) {
        String path = ctx.pathParam("path");
        Asset asset = assets.get(path);
        if (asset == null) throw ApiError.notFound("No such asset.");
        boolean current = version.equals(ctx.pathParam("version"));
        ctx.header("Cache-Control", current ? "public, max-age=31536000, immutable" : "no-cache");
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    private static String contentType(String path) {
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase();
        return switch (ext) {
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            case "json", "webmanifest" -> "application/json";
            case "woff2" -> "font/woff2";
            case "txt" -> "text/plain; charset=utf-8";
            default -> "application/octet-stream";
        };
    }
}

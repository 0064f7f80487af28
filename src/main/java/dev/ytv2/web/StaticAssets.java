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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The UI's files, read once from the jar. They are served under `/static/<hash of them all>/`, so
 * a new version gets new URLs and browsers may cache every file forever: no cache-busters, no hard
 * refresh. `index.html` is the one file served fresh, with that prefix filled in.
 */
public final class StaticAssets {
    private record Asset(byte[] bytes, String contentType) {
    }

    private static final Pattern MODULE_SCRIPT = Pattern.compile("<script type=\"module\"[^>]*? src=\"\\{\\{ASSET_BASE}}/([\\w-]+\\.js)\"");

    /**
     * What the page asks for first when its URL has no query (`first-answers.js`: the first page of
     * the empty state's list, and its facets), announced in that page so the browser fetches both
     * while the scripts are still arriving, and the page's own requests take those answers. A page
     * with a query in its URL asks for its own first answers as soon as `first-answers.js` runs.
     * `PageLoadBrowserTest` fails when these differ from what the page asks for.
     */
    private static final List<String> FIRST_REQUESTS = List.of("/api/reports?sort=added_desc&page=1&size=24&fields=card", "/api/filters?");

    private final Map<String, Asset> assets;
    private final String version;
    private final byte[] index;
    private final byte[] plainIndex;

    private StaticAssets(Map<String, Asset> assets, String version, byte[] index, byte[] plainIndex) {
        this.assets = assets;
        this.version = version;
        this.index = index;
        this.plainIndex = plainIndex;
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
            String html;
            try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream("web/index.html")) {
                html = in == null ? "<!doctype html><title>YTV2</title><p>The dashboard UI is not built into this jar.</p>"
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, byte[]> files = new TreeMap<>();
            assets.forEach((path, asset) -> files.put(path, asset.bytes()));
            JoinedStyles.Joined styles = JoinedStyles.join(html, files);
            html = styles.html();
            assets.put(JoinedStyles.NAME, new Asset(styles.css(), contentType(JoinedStyles.NAME)));
            // The joined sheet is in the version too: the page may list its sheets in a new order.
            assets.forEach((path, asset) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update(asset.bytes());
            });
            String version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
            String preloads = modulePreloads(html, assets).stream()
                    .map(path -> "<link rel=\"modulepreload\" href=\"{{ASSET_BASE}}/" + path + "\">")
                    .collect(Collectors.joining("\n  "));
            String page = html.replace("{{MODULE_PRELOADS}}", preloads).replace("{{ASSET_BASE}}", "/static/" + version);
            String firstAnswers = FIRST_REQUESTS.stream()
                    .map(url -> "<link rel=\"preload\" as=\"fetch\" crossorigin href=\"" + url + "\">")
                    .collect(Collectors.joining("\n  "));
            byte[] index = page.replace("{{FIRST_ANSWERS}}", "").getBytes(StandardCharsets.UTF_8);
            byte[] plainIndex = page.replace("{{FIRST_ANSWERS}}", firstAnswers).getBytes(StandardCharsets.UTF_8);
            return new StaticAssets(Map.copyOf(assets), version, index, plainIndex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The modules the page's module scripts import, directly or not, without those scripts
     * themselves: announced up front, the browser fetches them side by side instead of discovering
     * them import by import, one round trip per level of the graph. What the page loads later with
     * `import()` is not announced, so it does not compete with the first paint.
     */
    private static List<String> modulePreloads(String html, Map<String, Asset> assets) {
        List<String> entries = new ArrayList<>();
        Matcher m = MODULE_SCRIPT.matcher(html);
        while (m.find()) entries.add(m.group(1));
        Map<String, String> sources = new TreeMap<>();
        assets.forEach((path, asset) -> {
            if (path.endsWith(".js")) sources.put(path, new String(asset.bytes(), StandardCharsets.UTF_8));
        });
        return ModuleGraph.reachable(entries, sources).stream().filter(path -> !entries.contains(path)).toList();
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
        String query = ctx.queryString();
        ctx.contentType("text/html; charset=utf-8").result(query == null || query.isEmpty() ? plainIndex : index);
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

package dev.ytv2.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Where a request's time goes: one client sends `n` requests of a scenario and adds up the phases of
 * the server's `Server-Timing` header (queued, embed, index, filter, keyword, rows); "other" is the rest of the
 * time the client waited (HTTP, routing, JSON).
 */
final class TimingBreakdown {
    static final List<String> PHASES = List.of("queued", "embed", "index", "filter", "filter-all", "index-among", "keyword", "rows");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    TimingBreakdown(String base) {
        this.base = base;
    }

    static String header() {
        StringBuilder h = new StringBuilder("| scenario (mean ms, 1 client)            | total |");
        StringBuilder line = new StringBuilder("|------------------------------------------|-------|");
        for (String p : PHASES) {
            h.append(String.format(" %-6s |", p.length() > 6 ? p.substring(0, 6) : p));
            line.append("--------|");
        }
        return h.append(" other | load |\n").append(line).append("-------|------|").toString();
    }

    String row(String name, int n, Function<SplittableRandom, String> path) throws Exception {
        SplittableRandom r = new SplittableRandom(name.hashCode());
        Map<String, Double> sums = new LinkedHashMap<>();
        double total = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> res = http.send(HttpRequest.newBuilder(URI.create(base + path.apply(r))).build(), HttpResponse.BodyHandlers.ofByteArray());
            total += (System.nanoTime() - t0) / 1e6;
            for (String part : res.headers().firstValue("Server-Timing").orElse("").split(",")) {
                String[] kv = part.trim().split(";dur=");
                if (kv.length == 2) sums.merge(kv[0], Double.parseDouble(kv[1]), Double::sum);
            }
        }
        StringBuilder out = new StringBuilder(String.format("| %-40s | %5.1f |", name, total / n));
        double phases = 0;
        for (String p : PHASES) {
            double v = sums.getOrDefault(p, 0.0) / n;
            phases += v;
            out.append(String.format(" %6.1f |", v));
        }
        return out.append(String.format(" %5.1f | %4s |", total / n - phases, LoadAverage.now())).toString();
    }
}

package dev.ytv2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.content.Importer;
import dev.ytv2.demo.DemoLibrary;

import java.util.List;

/** Fills an empty library with the demo reports on first start; a library with reports is left alone. */
final class DemoSeeder {
    static final int DEMO_SIZE = 300;
    static final long DEMO_SEED = 20251124L;

    private DemoSeeder() {
    }

    static int seedIfEmpty(Main.Services s, Config config) {
        if (s.reports().list(dev.ytv2.content.ReportRequest.parse(java.util.Map.of("size", List.of("1")))).total() > 0) return 0;
        List<ObjectNode> items = new DemoLibrary().generate(DEMO_SIZE, DEMO_SEED, s.files().imagesDir(), s.files().audioDir());
        Importer importer = new Importer(s.writer(), s.mapper());
        int record = 0;
        int added = 0;
        for (ObjectNode item : items) {
            added += importer.one(item, ++record, problem -> System.err.println("demo: " + problem)).imported();
        }
        return added;
    }
}

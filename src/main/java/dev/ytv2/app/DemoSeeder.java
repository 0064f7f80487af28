package dev.ytv2.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.content.Importer;
import dev.ytv2.content.ReportRequest;
import dev.ytv2.content.ReportWriter;
import dev.ytv2.demo.DemoLibrary;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Fills an empty library with the demo reports on first start; a library with reports is left alone. */
final class DemoSeeder {
    static final int DEMO_SIZE = 300;
    static final long DEMO_SEED = 20251124L;
    /** How many progress lines an import prints (besides the first and the last). */
    private static final int STEPS = 4;

    private DemoSeeder() {
    }

    /** `progress` gets a line now and then, since seeding takes a while and the server already answers. */
    static int seedIfEmpty(Wiring.Services s, ReportWriter writer, Consumer<String> progress) {
        if (s.reports().list(ReportRequest.parse(Map.of("size", List.of("1")))).total() > 0) return 0;
        progress.accept("writing " + DEMO_SIZE + " demo reports with thumbnails and audio");
        List<ObjectNode> items = new DemoLibrary().generate(DEMO_SIZE, DEMO_SEED, s.files()::put);
        Importer importer = new Importer(writer, s.mapper());
        int record = 0;
        int added = 0;
        int step = Math.max(1, items.size() / STEPS);
        for (ObjectNode item : items) {
            added += importer.one(item, ++record, problem -> progress.accept("problem: " + problem)).imported();
            if (record % step == 0 && record < items.size()) progress.accept(record + "/" + items.size() + " reports in the library");
        }
        return added;
    }
}

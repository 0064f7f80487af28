package dev.ytv2.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.errors.Refusal;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Loads reports in the ingest JSON format from a stream: one object, an array of objects, or JSON
 * lines (any sequence of objects). Each report goes through the same validation and merge as
 * `POST /ingest/report`; a bad record is reported and skipped, not fatal.
 */
public final class Importer {
    private final ReportWriter writer;
    private final ObjectMapper mapper;

    public Importer(ReportWriter writer, ObjectMapper mapper) {
        this.writer = writer;
        this.mapper = mapper;
    }

    public record Tally(int imported, int created, int failed) {
        Tally add(Tally o) {
            return new Tally(imported + o.imported, created + o.created, failed + o.failed);
        }
    }

    public Tally load(InputStream in, Consumer<String> problems, Consumer<Tally> progress) throws IOException {
        Tally tally = new Tally(0, 0, 0);
        int record = 0;
        try (MappingIterator<JsonNode> values = mapper.readerFor(JsonNode.class).readValues(in)) {
            while (values.hasNextValue()) {
                JsonNode value = values.nextValue();
                Iterable<JsonNode> items = value.isArray() ? value : java.util.List.of(value);
                for (JsonNode item : items) {
                    record++;
                    tally = tally.add(one(item, record, problems));
                    if (record % 500 == 0) progress.accept(tally);
                }
            }
        }
        return tally;
    }

    public Tally one(JsonNode item, int record, Consumer<String> problems) {
        try {
            if (!item.isObject()) throw Refusal.invalid("invalid_json", "a record must be a JSON object");
            ReportWriter.Result r = writer.upsert(IngestPayload.parse((ObjectNode) item, mapper), ReportWriter.Origin.OPERATOR);
            return new Tally(1, r.created() ? 1 : 0, 0);
        } catch (Refusal e) {
            problems.accept("record " + record + ": " + e.getMessage());
            return new Tally(0, 0, 1);
        }
    }
}

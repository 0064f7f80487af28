package dev.ytv2.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * Generates a realistic demo library as ingest payloads (the JSON an external YTV2 worker posts to
 * {@code /ingest/report}), with painted thumbnails and short WAV files written beside them. The
 * same seed, clock day and count give the same payloads and files; images beyond thumbnails are
 * left to the render worker.
 */
public final class DemoLibrary {

    public static final String IMAGE_URL_PREFIX = "/exports/images/demo/";
    public static final String AUDIO_URL_PREFIX = "/exports/audio/";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Clock clock;
    private final ThumbnailPainter painter = new ThumbnailPainter();

    public DemoLibrary() {
        this(Clock.systemUTC());
    }

    /** The clock only anchors the dates, so a demo seeded today looks recent. */
    public DemoLibrary(Clock clock) {
        this.clock = clock;
    }

    /** Writes the thumbnails and audio as files under two folders (tests and tools that have no store). */
    public List<ObjectNode> generate(int count, long seed, Path imagesDir, Path audioDir) {
        return generate(count, seed, (url, bytes) -> {
            Path file = url.startsWith(IMAGE_URL_PREFIX)
                    ? imagesDir.resolve("demo").resolve(url.substring(IMAGE_URL_PREFIX.length()))
                    : audioDir.resolve(url.substring(AUDIO_URL_PREFIX.length()));
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write demo files", e);
            }
        });
    }

    /** The demo reports; each thumbnail and audio file is handed to `store` with the URL the report names it by. */
    public List<ObjectNode> generate(int count, long seed, BiConsumer<String, byte[]> store) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        Instant anchor = clock.instant().truncatedTo(ChronoUnit.DAYS);
        DemoDrafts drafts = new DemoDrafts(anchor);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<ObjectNode> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // Each item draws from its own split stream, so one item's choices never shift the next's.
            SplittableRandom itemRnd = rnd.split();
            out.add(payload(drafts.next(itemRnd), itemRnd, store));
        }
        return out;
    }

    private ObjectNode payload(DemoDrafts.Draft draft, SplittableRandom rnd, BiConsumer<String, byte[]> store) {
        DemoItem item = draft.item();
        boolean hasThumbnail = rnd.nextInt(100) >= 10;
        boolean hasAudio = rnd.nextInt(100) < 25;

        ObjectNode p = JSON.objectNode();
        p.put("video_id", item.videoId());
        p.put("title", item.title());
        p.put("channel_name", item.channel());
        p.put("canonical_url", item.canonicalUrl());
        p.put("content_source", item.source());
        if (item.durationSeconds() == null) {
            p.putNull("duration_seconds");
        } else {
            p.put("duration_seconds", item.durationSeconds());
        }
        p.put("published_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(item.publishedAt()));
        p.put("indexed_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(item.indexedAt()));
        p.put("language", item.language());
        if (hasThumbnail) {
            String file = item.fileBase() + ".png";
            store.accept(IMAGE_URL_PREFIX + file, painter.paintPng(item.videoId(), item.source(), draft.categories().get(0).name()));
            p.put("thumbnail_url", IMAGE_URL_PREFIX + file);
        }
        p.set("analysis_json", analysis(draft));
        p.set("subcategories_json", subcategories(draft));
        p.set("topics_json", strings(draft.keyTopics()));
        if (hasAudio) {
            String file = item.fileBase() + ".wav";
            ToneWav wav = ToneWav.of(rnd.nextLong());
            store.accept(AUDIO_URL_PREFIX + file, wav.bytes());
            double seconds = wav.seconds();
            ObjectNode media = p.putObject("media");
            media.put("has_audio", true);
            media.put("audio_url", AUDIO_URL_PREFIX + file);
            media.put("audio_duration_seconds", seconds);
        }
        ArrayNode variants = p.putArray("summary_variants");
        for (SummaryWriter.Variant v : SummaryWriter.write(item, draft.categories().get(0), draft.facts(), hasAudio, rnd)) {
            ObjectNode node = variants.addObject();
            node.put("variant", v.variant());
            node.put("summary_type", v.summaryType());
            node.put("text", v.text());
            node.put("html", v.html());
        }
        return p;
    }

    private static ObjectNode analysis(DemoDrafts.Draft draft) {
        ObjectNode a = JSON.objectNode();
        a.set("category", strings(draft.categories().stream().map(DemoCategory::name).toList()));
        a.put("subcategory", draft.subcategories().get(0));
        a.put("content_type", draft.contentType());
        a.set("key_topics", strings(draft.keyTopics()));
        a.put("language", draft.item().language());
        return a;
    }

    private static ObjectNode subcategories(DemoDrafts.Draft draft) {
        ObjectNode s = JSON.objectNode();
        for (int i = 0; i < draft.categories().size(); i++) {
            s.putArray(draft.categories().get(i).name()).add(draft.subcategories().get(i));
        }
        return s;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }
}

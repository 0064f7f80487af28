package dev.ytv2.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.content.ImageFields;
import dev.ytv2.events.Event;
import dev.ytv2.events.EventLog;
import dev.ytv2.files.FileStore;
import dev.ytv2.files.ImageCheck;
import dev.ytv2.files.MediaType;
import dev.ytv2.jobs.Job;
import dev.ytv2.jobs.JobStore;
import dev.ytv2.render.backend.BackendException;
import dev.ytv2.render.backend.RenderedImage;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a finished render into a variant, in one transaction under the item's row lock: the job
 * must still be this worker's lease (otherwise another worker has taken it over and this result
 * is dropped, so one job never yields two variants); the variant is appended with jsonb `||`
 * (never a rewrite from a Java copy), `*_last_used` becomes the rendered prompt, and the new image
 * is selected.
 */
final class RenderCommit {
    private final Jdbi jdbi;
    private final JobStore jobs;
    private final FileStore files;
    private final EventLog events;
    private final ObjectMapper mapper;
    private final Clock clock;

    RenderCommit(Jdbi jdbi, JobStore jobs, FileStore files, EventLog events, ObjectMapper mapper, Clock clock) {
        this.jdbi = jdbi;
        this.jobs = jobs;
        this.files = files;
        this.events = events;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The stored variant, or empty when the lease was lost (the file is then removed again). */
    Optional<ObjectNode> commit(Job job, String owner, RenderedImage image) throws BackendException {
        MediaType type = MediaType.sniff(image.bytes()).filter(MediaType::isImage)
                .orElseThrow(() -> new BackendException(image.backend(), "the answer is not a PNG, JPEG, WebP or GIF image"));
        ImageCheck.Size size;
        try {
            // The real size, from the header: a backend may not draw the size we asked for.
            size = ImageCheck.check(type, image.bytes());
        } catch (ImageCheck.Refused e) {
            throw new BackendException(image.backend(), e.getMessage());
        }
        String url = files.save(type, job.mode(), image.bytes());
        try {
            Optional<ObjectNode> variant = jdbi.inTransaction(h -> {
                boolean itemExists = h.createQuery("SELECT true FROM content WHERE video_id = :id FOR UPDATE")
                        .bind("id", job.videoId()).mapTo(Boolean.class).findOne().isPresent();
                if (!itemExists || jobs.lockIfLeased(h, job.id(), owner).isEmpty()) return Optional.<ObjectNode>empty();
                ObjectNode v = variant(job, image, size, url);
                boolean ai1 = job.mode().equals("ai1");
                h.createUpdate("""
                                UPDATE content SET
                                    analysis_json = ytv2_as_object(analysis_json)
                                        || jsonb_build_object(
                                            'summary_image_variants', ytv2_variants(analysis_json) || jsonb_build_array(CAST(:variant AS jsonb)),
                                            CAST(:lastUsedKey AS text), CAST(:prompt AS text),
                                            CAST(:selectedKey AS text), CAST(:url AS text))
                                        || CASE WHEN coalesce(btrim(ytv2_as_object(analysis_json) ->> CAST(:originalKey AS text)), '') = ''
                                                THEN jsonb_build_object(CAST(:originalKey AS text), CAST(:prompt AS text))
                                                ELSE '{}'::jsonb END,
                                    summary_image_url = CASE WHEN :ai1 THEN :url ELSE summary_image_url END,
                                    updated_at = now()
                                WHERE video_id = :videoId""")
                        .bind("variant", v.toString())
                        .bind("lastUsedKey", ai1 ? ImageFields.PROMPT_LAST_USED : ImageFields.AI2_PROMPT_LAST_USED)
                        .bind("originalKey", ai1 ? ImageFields.PROMPT_ORIGINAL : ImageFields.AI2_PROMPT_ORIGINAL)
                        .bind("selectedKey", ai1 ? ImageFields.SELECTED_URL : ImageFields.AI2_URL)
                        .bind("prompt", job.prompt()).bind("url", url).bind("ai1", ai1).bind("videoId", job.videoId())
                        .execute();
                jobs.markDone(h, job.id());
                events.append(h, new Event.VariantAdded(job.videoId(), job.mode(), job.id(), v));
                return Optional.of(v);
            });
            if (variant.isEmpty()) files.delete(url);
            return variant;
        } catch (RuntimeException e) {
            files.delete(url);
            throw e;
        }
    }

    private ObjectNode variant(Job job, RenderedImage image, ImageCheck.Size size, String url) {
        ObjectNode v = mapper.createObjectNode()
                .put("id", UUID.randomUUID().toString())
                .put("url", url)
                .put("prompt", job.prompt())
                .put("image_mode", job.mode())
                .put("backend", image.backend())
                .put("model", image.model())
                .put("seed", image.seed())
                .put("width", size.width())
                .put("height", size.height())
                .put("template", job.template())
                .put("prompt_source", job.promptSource())
                .put("created_at", clock.instant().toString())
                .put("starred", false)
                .putNull("deleted_at");
        return v.put("job_id", job.id());
    }
}

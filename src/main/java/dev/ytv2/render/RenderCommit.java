package dev.ytv2.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.events.Event;
import dev.ytv2.events.EventLog;
import dev.ytv2.files.FileStore;
import dev.ytv2.files.ImageCheck;
import dev.ytv2.files.MediaType;
import dev.ytv2.images.ImageDocument;
import dev.ytv2.images.ImageMode;
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
 * is dropped, so one job never yields two variants); then {@link ImageDocument#addRendered} appends
 * the variant, records the rendered prompt and selects the new image.
 */
final class RenderCommit {
    private final Jdbi jdbi;
    private final JobStore jobs;
    private final FileStore files;
    private final EventLog events;
    private final ImageDocument document;
    private final ObjectMapper mapper;
    private final Clock clock;

    RenderCommit(Jdbi jdbi, JobStore jobs, FileStore files, EventLog events, ImageDocument document, ObjectMapper mapper,
                 Clock clock) {
        this.jdbi = jdbi;
        this.jobs = jobs;
        this.files = files;
        this.events = events;
        this.document = document;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The stored variant, or empty when the lease was lost (the file is then removed again). */
    Optional<ObjectNode> commit(Job job, String owner, RenderedImage image) throws BackendException {
        ImageMode mode = ImageMode.parse(job.mode());
        MediaType type = MediaType.sniff(image.bytes()).filter(MediaType::isImage)
                .orElseThrow(() -> new BackendException(image.backend(), "the answer is not a PNG, JPEG, WebP or GIF image"));
        ImageCheck.Size size;
        try {
            // The real size, from the header: a backend may not draw the size we asked for.
            size = ImageCheck.check(type, image.bytes());
        } catch (ImageCheck.Refused e) {
            throw new BackendException(image.backend(), e.getMessage());
        }
        String url = files.save(type, mode.wire(), image.bytes());
        try {
            Optional<ObjectNode> variant = jdbi.inTransaction(h -> {
                boolean itemExists = h.createQuery("SELECT true FROM content WHERE video_id = :id FOR UPDATE")
                        .bind("id", job.videoId()).mapTo(Boolean.class).findOne().isPresent();
                if (!itemExists || jobs.lockIfLeased(h, job.id(), owner).isEmpty()) return Optional.<ObjectNode>empty();
                ObjectNode v = variant(job, mode, image, size, url);
                document.addRendered(h, job.videoId(), mode, v, job.prompt(), url);
                jobs.markDone(h, job.id());
                events.append(h, new Event.VariantAdded(job.videoId(), mode.wire(), job.id(), v));
                return Optional.of(v);
            });
            if (variant.isEmpty()) files.delete(url);
            return variant;
        } catch (RuntimeException e) {
            files.delete(url);
            throw e;
        }
    }

    private ObjectNode variant(Job job, ImageMode mode, RenderedImage image, ImageCheck.Size size, String url) {
        ObjectNode v = mapper.createObjectNode()
                .put("id", UUID.randomUUID().toString())
                .put("url", url)
                .put("prompt", job.prompt())
                .put("image_mode", mode.wire())
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

package dev.ytv2.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jdbi.v3.core.Handle;

import java.util.List;

/**
 * The image part of a report's analysis_json, as ingest and the report shapes meet it. The images
 * package owns that part and implements this (wired in app.Wiring), so content never writes an
 * image key itself and never depends on images.
 */
public interface ImageSection {
    /** The image keys: ingest writes the rest of the document and hands these to {@link #adopt}. */
    List<String> keys();

    /** The prompt texts among them, which cards never show (the Manage Images dialog reads the detail). */
    List<String> promptKeys();

    /**
     * Inside the ingest transaction, after the upsert: the image keys a sent report brings are
     * filled in where the stored report has none (or null); image writes are never overwritten.
     */
    void adopt(Handle h, String videoId, ObjectNode sentImageKeys);

    /** The report's `summary_image_url`: the column, or the analysis key older writers set instead. */
    String summaryImageUrl(ObjectNode analysis, String column);

    /** Copies the image keys of `analysis` into a report shape's `analysis`; `compact` for list rows. */
    void show(ObjectNode analysis, String column, boolean compact, ObjectNode into);
}

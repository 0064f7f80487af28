// Every event type the server sends on /api/report-events, by group: the group says what a page
// does with it (see events/EventType.java, whose copy this is; EventTypesTest fails when they differ).
// report: a report came, changed or went; render: a prompt or render job moved on; image: the images
// a card has or shows changed; semantic: for the server's index, pages ignore them; stream: resync.
export const EVENT_GROUPS = {
  "report": ["report-added", "report-updated", "report-deleted"],
  "render": ["image-prompt-set", "image-job-queued", "image-job-started", "image-job-failed"],
  "image": ["image-variant-added", "image-variant-selected", "image-variant-deleted", "image-variant-restored",
    "image-variant-starred", "image-display-mode-set", "image-images-purged"],
  "semantic": ["embeddings-updated", "embed-job-failed"],
  "stream": ["resync"]
};

export const EVENTS = Object.values(EVENT_GROUPS).flat();

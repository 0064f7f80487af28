// Applies an image event (README, API: Events) to a report row, returning a new row. Pure; no DOM.
// The page shows the change at once and then refetches the row to be sure it matches the server.

const clone = (r) => ({ ...r, analysis: { ...(r.analysis || {}) } });
const variantsOf = (a) => (Array.isArray(a.summary_image_variants) ? a.summary_image_variants.map((v) => ({ ...v })) : []);
const sameVariant = (v, data) => (data.url && v.url === data.url) || (data.variant_id && v.id === data.variant_id) || (data.id && v.id === data.id);

function select(r, mode, url) {
  if (typeof url !== 'string' && url !== null) return;
  if (mode === 'ai1') {
    r.summary_image_url = url;
    r.analysis.summary_image_selected_url = url;
  } else if (mode === 'ai2') {
    r.analysis.summary_image_ai2_url = url;
  }
}

/** @returns the patched row, or null when the event says nothing we can apply locally */
export function applyImageEvent(report, name, data) {
  if (!report || !data) return null;
  const r = clone(report);
  const a = r.analysis;
  switch (name) {
    case 'image-variant-added': {
      const v = data.variant && typeof data.variant === 'object' ? { ...data.variant } : null;
      if (!v || typeof v.url !== 'string') return null;
      const mode = v.image_mode || data.mode;
      v.image_mode = mode;
      const list = variantsOf(a).filter((x) => !(x.url === v.url || (v.id && x.id === v.id)));
      list.push(v);
      a.summary_image_variants = list;
      if (data.selected !== false) select(r, mode, v.url);
      return r;
    }
    case 'image-variant-selected':
      select(r, data.mode, data.url);
      return r;
    case 'image-variant-deleted':
    case 'image-variant-restored': {
      const deleting = name === 'image-variant-deleted';
      a.summary_image_variants = variantsOf(a).map((v) => (sameVariant(v, data)
        ? { ...v, deleted_at: deleting ? (data.deleted_at || new Date().toISOString()) : null } : v));
      if (deleting && data.url) {
        if (r.summary_image_url === data.url) select(r, 'ai1', data.replacement_url ?? null);
        if (a.summary_image_ai2_url === data.url) select(r, 'ai2', data.replacement_url ?? null);
      }
      return r;
    }
    case 'image-variant-starred':
      a.summary_image_variants = variantsOf(a).map((v) => (sameVariant(v, data) ? { ...v, starred: Boolean(data.starred) } : v));
      return r;
    case 'image-display-mode-set':
      a.summary_image_display_mode = ['og', 'ai1', 'ai2'].includes(data.mode) ? data.mode : null;
      return r;
    default:
      return null;
  }
}

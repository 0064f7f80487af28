// Search mode and "More like this" in the URL: pure functions, no DOM.
// `search` is keyword (left out of the URL), hybrid or semantic; `like` is the report whose
// neighbours the wall shows instead of the usual list.

export const MODES = [
  ['keyword', 'Keyword'],
  ['hybrid', 'Hybrid'],
  ['semantic', 'Semantic'],
];
const MODE_KEYS = new Set(MODES.map(([key]) => key));
export const RELATED_SIZE = 48;

export function readSemantic(params, state) {
  const mode = params.get('search');
  state.search = MODE_KEYS.has(mode) ? mode : 'keyword';
  const like = (params.get('like') || '').trim().slice(0, 200);
  state.like = like || null;
  return state;
}

export function writeSemantic(state, params) {
  if (state.search && state.search !== 'keyword' && MODE_KEYS.has(state.search)) params.set('search', state.search);
  if (state.like) params.set('like', state.like);
  return params;
}

export function withMode(state, mode) {
  return { ...state, search: MODE_KEYS.has(mode) ? mode : 'keyword', report: null };
}

export function withLike(state, id) {
  return { ...state, like: id ? String(id) : null, report: null };
}

/**
 * The request for one page of the wall. Semantic and hybrid need search text, so without it the
 * list is the plain one; they rank by meaning unless another order was picked.
 */
export function listRequest(state, reportsQuery, page) {
  const params = new URLSearchParams(reportsQuery);
  params.delete('like');
  if (state.like) {
    for (const key of ['q', 'search', 'sort', 'page', 'size']) params.delete(key);
    params.set('size', String(RELATED_SIZE));
    return { path: `/api/reports/${encodeURIComponent(state.like)}/related?${params}`, related: true, page };
  }
  // A search's default order is relevance, which semantic and hybrid rank by meaning; a picked order wins.
  if (!state.q) params.delete('search');
  return { path: `/api/reports?${params}`, related: false, page };
}

/** A related answer in the shape of a list page: one page, nothing after it. */
export function asPage(data, related) {
  if (!related) return data;
  const reports = Array.isArray(data?.reports) ? data.reports : [];
  return { ...data, reports, pagination: { page: 1, size: reports.length, total: reports.length, pages: 1, has_next: false, has_prev: false } };
}

/** What the results bar should say about how the list was ranked, or '' when nothing needs saying. */
export function rankingNote(data, state) {
  if (state.like) return data?.available === false ? `No related reports yet: ${data.reason || 'not embedded'}.` : '';
  const s = data?.search;
  if (!s || !s.fallback) return '';
  return `${s.requested === 'semantic' ? 'Semantic' : 'Hybrid'} search is unavailable (${s.fallback}); showing keyword matches.`;
}

/** The backfill indicator's text, or '' when no backfill runs. */
export function backfillText(status) {
  if (!status || !status.backfilling) return '';
  const done = Number(status.embedded) || 0;
  const total = Number(status.reports) || 0;
  return total > 0 ? `Indexing ${Math.min(done, total).toLocaleString()} / ${total.toLocaleString()}` : 'Indexing…';
}

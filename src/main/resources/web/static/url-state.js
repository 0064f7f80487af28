// The view lives in the query string: search, filters, sort and the open reader.
// Pure functions between a URL query and a state object; no DOM, no history.

import { readSemantic, writeSemantic } from './semantic-state.js';

export const SORTS = [
  ['relevance', 'Relevance'],
  ['added_desc', 'Newest added'],
  ['added_asc', 'Oldest added'],
  ['published_desc', 'Newest published'],
  ['published_asc', 'Oldest published'],
  ['title_asc', 'Title A–Z'],
  ['title_desc', 'Title Z–A'],
  ['duration_asc', 'Shortest first'],
  ['duration_desc', 'Longest first'],
];
export const DEFAULT_SORT = 'added_desc';
/** A search is ranked by relevance unless the user picked another order. */
export const SEARCH_SORT = 'relevance';

/** Repeatable facet parameters, in the order they appear in the URL. */
export const FACETS = ['source', 'category', 'subcategory', 'channel', 'language', 'content_type', 'summary_type'];

const SORT_KEYS = new Set(SORTS.map(([key]) => key));
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_VALUE = 200;

export function emptyState() {
  const filters = {};
  for (const f of FACETS) filters[f] = [];
  // sort: the order the user picked, '' while they have not picked one (see effectiveSort)
  return { q: '', sort: '', filters, has_audio: null, date_from: '', date_to: '', report: null, search: 'keyword', like: null };
}

function clean(value) {
  return typeof value === 'string' ? value.trim().slice(0, MAX_VALUE) : '';
}

/** @param {string|URLSearchParams} search e.g. location.search */
export function parseState(search) {
  const params = search instanceof URLSearchParams ? search : new URLSearchParams(search || '');
  const state = emptyState();
  state.q = clean(params.get('q') || '');
  state.sort = pickedSort(state.q, params.get('sort'));
  for (const f of FACETS) {
    for (const v of params.getAll(f)) {
      const value = clean(v);
      if (value && !state.filters[f].includes(value)) state.filters[f].push(value);
    }
  }
  const audio = params.get('has_audio');
  if (audio === 'true' || audio === 'false') state.has_audio = audio === 'true';
  for (const key of ['date_from', 'date_to']) {
    const v = params.get(key);
    if (v && DATE.test(v)) state[key] = v;
  }
  const report = clean(params.get('report') || '');
  state.report = report || null;
  return readSemantic(params, state);
}

/** Relevance only ranks a search; without one it is no choice at all. */
function pickedSort(q, sort) {
  if (!sort || !SORT_KEYS.has(sort)) return '';
  return sort === SEARCH_SORT && !q ? '' : sort;
}

/** The order the list is shown in: the user's pick, else relevance for a search, else newest added. */
export function effectiveSort(state) {
  return pickedSort(state.q, state.sort) || (state.q ? SEARCH_SORT : DEFAULT_SORT);
}

function filterParams(state, params) {
  if (state.q) params.set('q', state.q);
  for (const f of FACETS) for (const v of state.filters?.[f] || []) params.append(f, v);
  if (state.has_audio === true || state.has_audio === false) params.set('has_audio', String(state.has_audio));
  if (state.date_from) params.set('date_from', state.date_from);
  if (state.date_to) params.set('date_to', state.date_to);
  return writeSemantic(state, params);
}

/** The canonical query string for a state (without "?"); a sort only when the user picked one. */
export function serializeState(state) {
  const params = filterParams(state, new URLSearchParams());
  const sort = pickedSort(state.q, state.sort);
  if (sort) params.set('sort', sort);
  if (state.report) params.set('report', state.report);
  return params.toString();
}

/** Query for GET /api/reports: rows as a card needs them (no prompt texts; the dialog reads the detail). */
export function reportsQuery(state, page = 1, size = 24) {
  const params = filterParams(state, new URLSearchParams());
  params.set('sort', effectiveSort(state));
  params.set('page', String(page));
  params.set('size', String(size));
  params.set('fields', 'card');
  return params.toString();
}

/** Query for GET /api/filters (the same filters, no paging). */
export function filtersQuery(state) {
  return filterParams(state, new URLSearchParams()).toString();
}

/** True when two states show the same list (the reader may differ). */
export function sameList(a, b) {
  return filtersQuery(a) === filtersQuery(b) && effectiveSort(a) === effectiveSort(b);
}

export function hasFilters(state) {
  return Boolean(filtersQuery(state));
}

// Small immutable updates used by the UI.

export function withQuery(state, q) {
  const query = clean(q);
  return { ...state, q: query, sort: pickedSort(query, state.sort), report: null };
}

/** The user's pick of an order; picking the order already in effect changes nothing. */
export function withSort(state, sort) {
  if (!SORT_KEYS.has(sort) || sort === effectiveSort(state)) return state;
  return { ...state, sort: pickedSort(state.q, sort) };
}

export function toggleFilter(state, facet, value, on) {
  if (!FACETS.includes(facet)) return state;
  const current = state.filters[facet] || [];
  const has = current.includes(value);
  const want = on === undefined ? !has : on;
  if (want === has) return state;
  const next = want ? [...current, value] : current.filter((v) => v !== value);
  return { ...state, filters: { ...state.filters, [facet]: next }, report: null };
}

export function withHasAudio(state, value) {
  return { ...state, has_audio: value === true || value === false ? value : null, report: null };
}

export function withReport(state, id) {
  return { ...state, report: id ? String(id) : null };
}

export function clearFilters(state) {
  return { ...emptyState(), sort: pickedSort('', state.sort) };
}

/** Active filters as chips: [{facet, value}] (has_audio, dates and the search included). */
export function activeChips(state) {
  const chips = [];
  if (state.q) chips.push({ facet: 'q', value: state.q });
  for (const f of FACETS) for (const v of state.filters[f] || []) chips.push({ facet: f, value: v });
  if (state.has_audio !== null && state.has_audio !== undefined) chips.push({ facet: 'has_audio', value: state.has_audio });
  if (state.date_from) chips.push({ facet: 'date_from', value: state.date_from });
  if (state.date_to) chips.push({ facet: 'date_to', value: state.date_to });
  return chips;
}

/** The state without one chip. */
export function removeChip(state, chip) {
  switch (chip.facet) {
    case 'q': return withQuery(state, '');
    case 'has_audio': return withHasAudio(state, null);
    case 'date_from': return { ...state, date_from: '', report: null };
    case 'date_to': return { ...state, date_to: '', report: null };
    default: return toggleFilter(state, chip.facet, chip.value, false);
  }
}

// The first page of cards and the facet counts, asked for as soon as this module runs. index.html
// loads it as an async module script, which runs once its few imports are in, while the rest of
// the page's modules are still arriving; the wall and the filters then take these answers for
// their first load instead of asking only after every module has run. Each answer is handed out
// once, to the first load of its kind, and only for the very request that load would make: a
// later load always asks the server again, so it never sees an answer older than itself.

import { createApi } from './api.js';
import { parseState, reportsQuery, filtersQuery, PAGE_SIZE } from './url-state.js';
import { listRequest } from './semantic-state.js';

const api = createApi();
const state = parseState(location.search);
const first = new Map([
  ['reports', ask(listRequest(state, reportsQuery(state, 1, PAGE_SIZE), 1).path, (path) => api.request('GET', path))],
  ['filters', ask(filtersQuery(state), (query) => api.getFilters(query))],
]);

function ask(key, request) {
  const answer = request(key);
  answer.catch(() => {}); // a failure is the taker's to show; untaken, it is nobody's
  return { key, answer };
}

/**
 * The early answer (a promise, as `api.request` gives) for the first load of `kind` ('reports' by
 * its request path, 'filters' by its query), or null when that load asks for something else.
 */
export function takeFirst(kind, key) {
  const early = first.get(kind);
  first.delete(kind);
  return early && early.key === key ? early.answer : null;
}

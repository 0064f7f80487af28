// The card wall: loads pages as you scroll, designed loading / empty / error states,
// and a registry of cards by video_id so live events can update them in place.

import { h, clear } from './dom.js';
import { icon } from './icons.js';
import { reportsQuery, hasFilters } from './url-state.js';
import { listRequest, asPage } from './semantic-state.js';
import { renderCard, fillCard, applyImage, cardId, reportOf } from './cards.js';

const PAGE_SIZE = 24;

export function createWall({ api, grid, status, sentinel, countEl, cardCtx, onClearFilters, onFirstPage = () => {} }) {
  const cards = new Map();
  let state = null;
  let page = 0;
  let hasNext = false;
  let loading = false;
  let controller = null;
  let generation = 0;

  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) loadMore();
  }, { rootMargin: '1200px 0px' });
  observer.observe(sentinel);

  function setStatus(kind, ...children) {
    clear(status);
    status.dataset.kind = kind || '';
    status.append(...children);
  }

  function skeletons(n) {
    return Array.from({ length: n }, () => h('div', { class: 'card skeleton', 'aria-hidden': 'true' },
      h('div', { class: 'card-media' }), h('div', { class: 'card-body' },
        h('div', { class: 'sk-line w90' }), h('div', { class: 'sk-line w60' }), h('div', { class: 'sk-line w40' }))));
  }

  async function load(nextState) {
    state = nextState;
    generation++;
    controller?.abort();
    cards.clear();
    page = 0;
    hasNext = true;
    clear(grid);
    grid.setAttribute('aria-busy', 'true');
    grid.append(...skeletons(8));
    setStatus('');
    countEl.textContent = '';
    loading = false;
    await loadMore();
  }

  async function loadMore() {
    if (loading || !hasNext || !state) return;
    loading = true;
    const gen = generation;
    controller = new AbortController();
    if (page > 0) setStatus('loading', h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { text: 'Loading more…' }));
    try {
      const request = listRequest(state, reportsQuery(state, page + 1, PAGE_SIZE), page + 1);
      const data = asPage(await api.request('GET', request.path, undefined, { signal: controller.signal }), request.related);
      if (gen !== generation) return;
      if (page === 0) onFirstPage(data, state);
      const rows = Array.isArray(data?.reports) ? data.reports : [];
      const p = data?.pagination || {};
      if (page === 0) clear(grid);
      page += 1;
      hasNext = Boolean(p.has_next) && rows.length > 0;
      for (const report of rows) {
        const id = cardId(report);
        if (!id || cards.has(id)) continue;
        const el = renderCard(report, cardCtx);
        cards.set(id, el);
        grid.append(el);
      }
      const total = Number.isFinite(p.total) ? p.total : cards.size;
      countEl.textContent = total === 1 ? '1 summary' : `${total.toLocaleString()} summaries`;
      grid.removeAttribute('aria-busy');
      if (cards.size === 0) showEmpty();
      else if (!hasNext) setStatus('end', h('span', { text: cards.size > PAGE_SIZE ? 'You have reached the end.' : '' }));
      else setStatus('');
    } catch (err) {
      if (err?.name === 'AbortError' || gen !== generation) return;
      grid.removeAttribute('aria-busy');
      if (page === 0) clear(grid);
      showError(err);
    } finally {
      if (gen === generation) loading = false;
    }
    // keep filling while the sentinel is still on screen (tall windows)
    if (gen === generation && hasNext && sentinel.getBoundingClientRect().top < window.innerHeight + 1200) loadMore();
  }

  function showEmpty() {
    const filtered = hasFilters(state);
    setStatus('empty', h('div', { class: 'state-card' },
      h('div', { class: 'state-icon' }, icon(filtered ? 'search' : 'inbox', { size: 28 })),
      h('h2', { text: filtered ? 'Nothing matches' : 'No summaries yet' }),
      h('p', { text: filtered ? 'Try fewer filters or a different search.' : 'Summaries appear here as soon as they are ingested.' }),
      filtered ? h('button', { type: 'button', class: 'button', text: 'Clear all filters', onclick: onClearFilters }) : null));
  }

  function showError(err) {
    const needsSignIn = err?.status === 401;
    setStatus('error', h('div', { class: 'state-card' },
      h('div', { class: 'state-icon error' }, icon(needsSignIn ? 'lock' : 'alert', { size: 28 })),
      h('h2', { text: needsSignIn ? 'Sign in to read' : 'Could not load summaries' }),
      h('p', { text: err?.message || 'Something went wrong.' }),
      h('button', { type: 'button', class: 'button', text: needsSignIn ? 'Sign in' : 'Try again',
        onclick: () => (needsSignIn ? cardCtx.onSignIn() : retry()) })));
  }

  function retry() {
    if (page === 0) load(state);
    else { hasNext = true; loadMore(); }
  }

  return {
    load,
    reload: () => state && load(state),
    get: (id) => reportOf(cards.get(id)),
    has: (id) => cards.has(id),
    /** Replaces a card's data and redraws it in place (focus stays on the card). */
    update(report) {
      const el = cards.get(cardId(report));
      if (!el) return;
      const hadFocus = el.contains(document.activeElement) ? document.activeElement.className : null;
      fillCard(el, report, cardCtx);
      if (hadFocus) el.querySelector(`.${hadFocus.split(' ')[0]}`)?.focus();
    },
    remove(id) {
      const el = cards.get(id);
      if (el) { el.remove(); cards.delete(id); }
    },
    refreshImages(setting) {
      for (const el of cards.values()) applyImage(el, setting);
    },
  };
}

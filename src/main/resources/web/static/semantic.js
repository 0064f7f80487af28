// The search-mode switch, the "More like this" banner, the note when a search fell back to
// keywords, and the indicator while reports are being embedded.

import { h, clear } from './dom.js';
import { icon } from './icons.js';
import { MODES, withMode, withLike, rankingNote, backfillText } from './semantic-state.js';

const POLL_BUSY_MS = 2000;
const POLL_IDLE_MS = 30000;

export function createSemantic({ api, bar, indicator, getState, navigate, titleFor }) {
  const group = h('div', { class: 'search-modes', role: 'group', 'aria-label': 'Search mode' });
  const buttons = MODES.map(([mode, label]) => h('button', {
    type: 'button', class: 'search-mode', text: label, dataset: { mode }, 'aria-pressed': 'false',
    onclick: () => { if (getState().search !== mode) navigate(withMode(getState(), mode)); },
  }));
  group.append(...buttons);
  bar.querySelector('.sort')?.before(group);

  const note = h('p', { class: 'search-note', role: 'status', hidden: true });
  const likeTitle = h('strong', { class: 'like-title' });
  const banner = h('div', { class: 'like-banner', hidden: true },
    icon('search', { size: 16 }), h('span', { text: 'More like ' }), likeTitle,
    h('button', { type: 'button', class: 'button like-clear', text: 'Show all',
      onclick: () => navigate(withLike(getState(), null)) }));
  bar.after(banner, note);

  let likeShown = null;
  async function showLike(id) {
    if (likeShown === id) return;
    likeShown = id;
    likeTitle.textContent = titleFor(id) || id;
    try {
      const report = await api.getReport(id);
      if (likeShown === id && report?.title) likeTitle.textContent = report.title;
    } catch {
      // the id stays shown; the wall says what went wrong
    }
  }

  let timer = null;
  async function poll() {
    clearTimeout(timer);
    let status = null;
    try {
      status = await api.request('GET', '/api/semantic/status');
    } catch {
      status = null;
    }
    const text = backfillText(status);
    clear(indicator);
    indicator.hidden = !text;
    if (text) indicator.append(h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { text }));
    timer = setTimeout(poll, text ? POLL_BUSY_MS : POLL_IDLE_MS);
  }
  poll();

  return {
    render(state) {
      for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.mode === state.search));
      group.classList.toggle('is-idle', !state.q);
      banner.hidden = !state.like;
      if (state.like) showLike(state.like);
      else likeShown = null;
    },
    /** Called with each first page the wall loads. */
    noteAnswer(data, state) {
      const text = rankingNote(data, state);
      note.textContent = text;
      note.hidden = !text;
    },
  };
}

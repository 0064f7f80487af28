// Facet filters with counts (GET /api/filters) and the active-filter chips.

import { h, clear } from './dom.js';
import { icon } from './icons.js';
import { filtersQuery, toggleFilter, withHasAudio, activeChips, removeChip, clearFilters } from './url-state.js';
import { labelFor, languageLabel } from './format.js';

const SECTIONS = [
  { key: 'source', facet: 'source', title: 'Source', label: labelFor },
  { key: 'categories', facet: 'category', title: 'Category', label: String },
  { key: 'channels', facet: 'channel', title: 'Channel', label: String, long: true },
  { key: 'languages', facet: 'language', title: 'Language', label: languageLabel },
  { key: 'content_type', facet: 'content_type', title: 'Content type', label: labelFor },
  { key: 'summary_type', facet: 'summary_type', title: 'Summary type', label: labelFor },
];
const SHOW = 8;
// Right after the library changed, the API may answer the counts from before the change while it
// recounts a large library, for at most 2 s; one more look after that shows the new counts.
const RECOUNT_MS = 2100;
const CHIP_NAMES = { q: 'Search', source: 'Source', category: 'Category', subcategory: 'Subcategory', channel: 'Channel',
  language: 'Language', content_type: 'Type', summary_type: 'Summary', has_audio: 'Audio', date_from: 'From', date_to: 'To' };

const list = (v) => (Array.isArray(v) ? v.filter((x) => x && (typeof x.value === 'string' || typeof x.value === 'boolean')) : []);

export function createFilters({ api, body, chipsEl, badge, getState, navigate }) {
  let generation = 0;
  let facets = null;
  let recheck = null;
  const expanded = new Set();

  /** changed: the library has just changed (new reports shown, a resync). */
  async function load(state, { changed = false } = {}) {
    const gen = ++generation;
    clearTimeout(recheck);
    if (changed) recheck = setTimeout(() => { if (gen === generation) load(getState()); }, RECOUNT_MS);
    try {
      const data = await api.getFilters(filtersQuery(state));
      if (gen !== generation) return;
      facets = data || {};
    } catch (err) {
      if (gen !== generation) return;
      facets = null;
      clear(body).append(h('p', { class: 'facets-error', text: `Filters are unavailable: ${err.message}` }));
      return;
    }
    render(getState());
  }

  function render(state) {
    renderChips(state);
    if (!facets) return;
    const open = new Set(Array.from(body.querySelectorAll('details[open]')).map((d) => d.dataset.facet));
    const first = !body.querySelector('details');
    clear(body);
    for (const section of SECTIONS) {
      const rows = list(facets[section.key]);
      const selected = state.filters[section.facet];
      for (const v of selected) if (!rows.some((r) => r.value === v)) rows.push({ value: v, count: 0 });
      if (rows.length === 0) continue;
      const isOpen = first ? section.facet !== 'channel' || selected.length > 0 : open.has(section.facet) || selected.length > 0;
      body.append(renderSection(section, rows, state, isOpen));
    }
    const audio = list(facets.has_audio);
    if (audio.length) body.append(renderAudio(audio, state, first || open.has('has_audio') || state.has_audio !== null));
    if (!body.firstChild) body.append(h('p', { class: 'facets-error', text: 'No filters apply to these results.' }));
  }

  function renderSection(section, rows, state, isOpen) {
    const selected = state.filters[section.facet];
    const showAll = !section.long || expanded.has(section.facet) || rows.length <= SHOW + 2;
    const visible = showAll ? rows : rows.filter((r, i) => i < SHOW || selected.includes(r.value));
    const ul = h('ul', { class: 'facet-list' });
    for (const row of visible) {
      const li = h('li', null, option(section.facet, row, section.label(row.value), selected.includes(row.value)));
      if (section.facet === 'category') {
        const subs = list(row.subcategories);
        const chosenSubs = state.filters.subcategory;
        if (subs.length && (selected.includes(row.value) || subs.some((s) => chosenSubs.includes(s.value)))) {
          li.append(h('ul', { class: 'facet-list nested', 'aria-label': `${row.value} subcategories` },
            subs.map((s) => h('li', null, option('subcategory', s, s.value, chosenSubs.includes(s.value))))));
        }
      }
      ul.append(li);
    }
    const more = showAll ? null : h('button', { type: 'button', class: 'link-button facet-more',
      text: `Show all ${rows.length}`, onclick: () => { expanded.add(section.facet); render(getState()); } });
    const count = selected.length ? h('span', { class: 'facet-active', text: String(selected.length), 'aria-label': `${selected.length} selected` }) : null;
    return h('details', { class: 'facet', open: isOpen, dataset: { facet: section.facet } },
      h('summary', null, h('span', { text: section.title }), count, icon('chevron', { size: 16 })), ul, more);
  }

  function option(facet, row, label, checked) {
    const input = h('input', { type: 'checkbox', checked, dataset: { facet, value: row.value } });
    input.addEventListener('change', () => navigate(toggleFilter(getState(), facet, row.value, input.checked)));
    return h('label', { class: 'facet-option' }, input,
      h('span', { class: 'facet-label', text: label || '—' }),
      h('span', { class: 'facet-count', text: Number(row.count || 0).toLocaleString() }));
  }

  function renderAudio(rows, state, isOpen) {
    const ul = h('ul', { class: 'facet-list' });
    for (const value of [true, false]) {
      const row = rows.find((r) => r.value === value) || { value, count: 0 };
      const input = h('input', { type: 'checkbox', checked: state.has_audio === value, dataset: { facet: 'has_audio', value: String(value) } });
      input.addEventListener('change', () => navigate(withHasAudio(getState(), input.checked ? value : null)));
      ul.append(h('li', null, h('label', { class: 'facet-option' }, input,
        h('span', { class: 'facet-label', text: value ? 'With audio' : 'Without audio' }),
        h('span', { class: 'facet-count', text: Number(row.count || 0).toLocaleString() }))));
    }
    return h('details', { class: 'facet', open: isOpen, dataset: { facet: 'has_audio' } },
      h('summary', null, h('span', { text: 'Audio' }), icon('chevron', { size: 16 })), ul);
  }

  function chipText(chip) {
    if (chip.facet === 'has_audio') return chip.value ? 'With audio' : 'Without audio';
    if (chip.facet === 'language') return languageLabel(chip.value);
    if (chip.facet === 'source' || chip.facet === 'content_type' || chip.facet === 'summary_type') return labelFor(chip.value);
    return String(chip.value);
  }

  function renderChips(state) {
    const chips = activeChips(state);
    clear(chipsEl);
    chipsEl.hidden = chips.length === 0;
    const n = chips.length;
    badge.hidden = n === 0;
    badge.textContent = String(n);
    for (const chip of chips) {
      const text = chipText(chip);
      chipsEl.append(h('button', { type: 'button', class: 'chip chip-active', dataset: { facet: chip.facet },
        'aria-label': `Remove filter ${CHIP_NAMES[chip.facet]}: ${text}`, onclick: () => navigate(removeChip(getState(), chip)) },
      h('span', { class: 'chip-kind', text: CHIP_NAMES[chip.facet] }), h('span', { class: 'chip-value', text }), icon('x', { size: 14 })));
    }
    if (n > 0) {
      chipsEl.append(h('button', { type: 'button', class: 'link-button clear-all', text: 'Clear all',
        onclick: () => navigate(clearFilters(getState())) }));
    }
  }

  return { load, render };
}

// The reader: one report with every summary variant as a tab, metadata, source link and audio.
// The server-sanitised summary HTML is the only HTML this app ever inserts.

import { h, clear } from './dom.js';
import { icon, sourceIconName } from './icons.js';
import { resolveImage } from './image-modes.js';
import { safeUrl } from './safe-url.js';
import { formatDuration, formatDate, sourceLabel, categoriesOf, labelFor, languageLabel } from './format.js';
import { audioPlayer } from './audio-player.js';

export function createReader({ dialog, api, imageSetting, rowFor, onClose, onCopyLink, onFilter, extras = () => null }) {
  let openId = null;
  let player = null;
  let generation = 0;

  dialog.addEventListener('close', () => {
    player?.stop();
    const was = openId;
    openId = null;
    if (was) onClose(was);
  });
  dialog.addEventListener('click', (e) => { if (e.target === dialog) dialog.close(); });

  async function open(id) {
    if (openId === id && dialog.open) return;
    openId = id;
    const gen = ++generation;
    player?.stop();
    const row = rowFor(id);
    render(row, null, true);
    if (!dialog.open) dialog.showModal();
    dialog.querySelector('.reader-close')?.focus();
    try {
      const report = await api.getReport(id);
      if (gen !== generation) return;
      render(report, report.summary_variants, false);
    } catch (err) {
      if (gen !== generation) return;
      renderError(row, err);
    }
  }

  function close() {
    if (!dialog.open) return;
    openId = null;
    player?.stop();
    dialog.close();
  }

  function shell(report) {
    const closeBtn = h('button', { type: 'button', class: 'icon-button reader-close', 'aria-label': 'Close reader', onclick: () => dialog.close() }, icon('x'));
    return h('div', { class: 'reader-top' },
      h('span', { class: 'reader-source' }, icon(sourceIconName(report?.content_source), { size: 16 }), h('span', { text: report ? sourceLabel(report) : '' })),
      closeBtn);
  }

  function render(report, variants, loading) {
    clear(dialog);
    const r = report || {};
    const title = (typeof r.title === 'string' && r.title.trim()) || (loading ? 'Loading…' : 'Untitled');
    const image = resolveImage(r, imageSetting().mode, imageSetting().rotateCounter).chain[0];
    const source = safeUrl(r.canonical_url);
    const when = r.published_at || r.indexed_at;
    const meta = [
      r.channel || r.channel_name ? h('span', { class: 'reader-channel', text: r.channel || r.channel_name }) : null,
      when ? h('time', { datetime: String(when), text: formatDate(when) }) : null,
      formatDuration(r.duration_seconds) ? h('span', { text: formatDuration(r.duration_seconds) }) : null,
      r.analysis?.language ? h('span', { text: languageLabel(r.analysis.language) }) : null,
    ].filter(Boolean);
    const cats = categoriesOf(r).map((c) => h('button', { type: 'button', class: 'chip chip-category', text: c,
      'aria-label': `Filter by category ${c}`, onclick: () => { dialog.close(); onFilter('category', c); } }));
    const audioUrl = r.media?.has_audio ? safeUrl(r.media?.audio_url) : null;
    player = audioUrl ? audioPlayer(audioUrl, title) : null;

    const hero = image ? h('img', { class: 'reader-hero', src: image.url, alt: '', 'data-image-source': image.source }) : null;
    hero?.addEventListener('error', () => hero.remove());

    dialog.append(shell(r), h('div', { class: 'reader-scroll' },
      h('header', { class: 'reader-head' },
        hero,
        h('div', { class: 'reader-head-text' },
          h('h2', { id: 'reader-title', text: title }),
          meta.length ? h('p', { class: 'reader-meta' }, meta) : null,
          cats.length ? h('div', { class: 'card-chips' }, cats) : null,
          h('div', { class: 'reader-actions' },
            source ? h('a', { class: 'button primary', href: source, target: '_blank', rel: 'noopener noreferrer' },
              icon(r.content_source === 'youtube' ? 'play' : 'external', { size: 16 }),
              h('span', { text: r.content_source === 'youtube' ? 'Watch on YouTube' : 'Open source' })) : null,
            r.video_id ? h('button', { type: 'button', class: 'button', onclick: () => onCopyLink(r.video_id) },
              icon('link', { size: 16 }), h('span', { text: 'Copy link' })) : null))),
      player ? player.el : null,
      loading ? h('div', { class: 'reader-loading', 'aria-busy': 'true' },
        h('div', { class: 'sk-line w60' }), h('div', { class: 'sk-line w90' }), h('div', { class: 'sk-line w90' }), h('div', { class: 'sk-line w40' }))
        : renderTabs(variants),
      loading || !r.video_id ? null : extras(r)));
  }

  function renderTabs(variants) {
    const list = (Array.isArray(variants) ? variants : []).filter((v) => v && (v.html || v.text));
    if (list.length === 0) return h('p', { class: 'reader-empty', text: 'This report has no summary text yet.' });
    const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Summary variants' });
    const panel = h('div', { class: 'summary-body', role: 'tabpanel', id: 'reader-panel', tabindex: '0' });
    const tabs = list.map((v, i) => h('button', {
      type: 'button', role: 'tab', class: 'tab', id: `reader-tab-${i}`, 'aria-controls': 'reader-panel',
      'aria-selected': i === 0 ? 'true' : 'false', tabindex: i === 0 ? '0' : '-1',
      dataset: { variant: String(v.variant ?? '') }, text: labelFor(v.variant || v.summary_type) || `Summary ${i + 1}`,
    }));
    const select = (i, focus) => {
      tabs.forEach((t, j) => { t.setAttribute('aria-selected', String(i === j)); t.tabIndex = i === j ? 0 : -1; });
      panel.setAttribute('aria-labelledby', tabs[i].id);
      showVariant(panel, list[i]);
      if (focus) tabs[i].focus();
    };
    tabs.forEach((t, i) => {
      t.addEventListener('click', () => select(i, false));
      t.addEventListener('keydown', (e) => {
        const k = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
        if (k === undefined) return;
        e.preventDefault();
        select((k + tabs.length) % tabs.length, true);
      });
    });
    tablist.append(...tabs);
    select(0, false);
    return h('section', { class: 'reader-summaries' }, tablist, panel);
  }

  function showVariant(panel, variant) {
    if (typeof variant.html === 'string' && variant.html) {
      // Server-sanitised HTML (SPEC 4.2): the single sanctioned HTML insertion in this app.
      panel.innerHTML = variant.html;
      for (const a of panel.querySelectorAll('a[href]')) {
        if (!safeUrl(a.getAttribute('href'))) a.removeAttribute('href');
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
      }
    } else {
      clear(panel);
      for (const para of String(variant.text).split(/\n{2,}/)) panel.append(h('p', { text: para }));
    }
  }

  function renderError(row, err) {
    clear(dialog);
    dialog.append(shell(row), h('div', { class: 'reader-scroll' }, h('div', { class: 'state-card' },
      h('div', { class: 'state-icon error' }, icon('alert', { size: 28 })),
      h('h2', { id: 'reader-title', text: err?.status === 404 ? 'This report is gone' : 'Could not open this report' }),
      h('p', { text: err?.message || 'Something went wrong.' }),
      h('button', { type: 'button', class: 'button', text: 'Try again', onclick: () => { const id = openId; openId = null; open(id); } }))));
  }

  return { open, close, isOpen: () => dialog.open, current: () => openId };
}

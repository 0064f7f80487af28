// The reader: one report with every summary variant as a tab, metadata, source link and audio.
// The server-sanitised summary HTML is the only HTML this app ever inserts.

import { h, clear } from './dom.js';
import { icon, sourceIconName } from './icons.js';
import { resolveImage } from './image-modes.js';
import { safeUrl } from './safe-url.js';
import { formatDuration, describeDuration, formatDate, sourceLabel, categoriesOf, labelFor, languageLabel } from './format.js';
import { audioPlayer } from './audio-player.js';
import { tabStrip } from './tab-strip.js';
import { hasTranscript, renderTranscript } from './transcript.js';

const readable = (variants) => (Array.isArray(variants) ? variants : []).filter((v) => v && (v.html || v.text));

export function createReader({ dialog, api, imageSetting, rowFor, onClose, onCopyLink, onFilter, actions = () => [], toast, extras = () => null }) {
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
    closeBtn.focus();
    try {
      const report = await api.getReport(id);
      if (gen !== generation) return;
      render(report, report.summary_variants, false);
    } catch (err) {
      if (gen !== generation) return;
      renderError(row, err);
    }
  }

  /** Fetches the open report again (it changed elsewhere) and redraws it in place. */
  async function reload(id) {
    if (!dialog.open || openId !== id) return;
    const gen = ++generation;
    try {
      const report = await api.getReport(id);
      if (gen === generation && openId === id) { player?.stop(); render(report, report.summary_variants, false); }
    } catch { /* the reader keeps what it shows */ }
  }

  function close() {
    if (!dialog.open) return;
    openId = null;
    player?.stop();
    dialog.close();
  }

  // The top bar outlives every redraw of the content, so the close button keeps the focus it got
  // when the reader opened while the full report replaces the card's row.
  const closeBtn = h('button', { type: 'button', class: 'icon-button reader-close', 'aria-label': 'Close reader', onclick: () => dialog.close() }, icon('x'));
  const sourceEl = h('span', { class: 'reader-source' });
  const top = h('div', { class: 'reader-top' }, sourceEl, closeBtn);

  /** Replaces everything below the top bar; focus that was in the replaced part goes to the close button. */
  function show(report, content, { compact, loading }) {
    // Screen readers hear that the full report is still coming, and tests wait on the same sign.
    dialog.setAttribute('aria-busy', String(loading));
    clear(sourceEl).append(icon(sourceIconName(report?.content_source), { size: 16 }), h('span', { text: report ? sourceLabel(report) : '' }));
    dialog.classList.toggle('is-compact', compact);
    for (const node of Array.from(dialog.childNodes)) if (node !== top) node.remove();
    if (!top.isConnected) dialog.append(top);
    dialog.append(content);
    if (dialog.open && !dialog.contains(document.activeElement)) closeBtn.focus({ preventScroll: true });
  }

  function render(report, variants, loading) {
    const r = report || {};
    // A row lists its variants without their text: an empty list means there is no summary to wait for.
    const empty = loading ? Array.isArray(r.summary_variants) && r.summary_variants.length === 0
      : readable(variants).length === 0 && !hasTranscript(r);
    const title = (typeof r.title === 'string' && r.title.trim()) || (loading ? 'Loading…' : 'Untitled');
    const image = resolveImage(r, imageSetting().mode, imageSetting().rotateCounter).chain[0];
    const source = safeUrl(r.canonical_url);
    const when = r.published_at || r.indexed_at;
    const meta = [
      r.channel || r.channel_name ? h('span', { class: 'reader-channel', text: r.channel || r.channel_name }) : null,
      when ? h('time', { datetime: String(when), text: formatDate(when) }) : null,
      // next to a date, "22:24" reads as a time of day
      formatDuration(r.duration_seconds) ? h('span', { class: 'reader-duration', text: describeDuration(r.duration_seconds),
        title: `Duration ${formatDuration(r.duration_seconds)}`, 'aria-label': `Duration ${describeDuration(r.duration_seconds)}` }) : null,
      r.analysis?.language ? h('span', { text: languageLabel(r.analysis.language) }) : null,
    ].filter(Boolean);
    const cats = categoriesOf(r).map((c) => h('button', { type: 'button', class: 'chip chip-category', text: c,
      'aria-label': `Filter by category ${c}`, onclick: () => { dialog.close(); onFilter('category', c); } }));
    const audioUrl = r.media?.has_audio ? safeUrl(r.media?.audio_url) : null;
    player = audioUrl ? audioPlayer(audioUrl, title) : null;

    const hero = image ? h('img', { class: 'reader-hero', src: image.url, alt: '', 'data-image-source': image.source }) : null;
    hero?.addEventListener('error', () => hero.remove());

    show(r, h('div', { class: 'reader-scroll' },
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
              icon('link', { size: 16 }), h('span', { text: 'Copy link' })) : null,
            loading ? null : actions(r)))),
      player ? player.el : null,
      empty ? noSummary(r, Boolean(player))
        : loading ? h('div', { class: 'reader-loading', 'aria-busy': 'true' },
          h('div', { class: 'sk-line w60' }), h('div', { class: 'sk-line w90' }), h('div', { class: 'sk-line w90' }), h('div', { class: 'sk-line w40' }))
          : renderTabs(variants, r),
      loading || !r.video_id ? null : extras(r)), { compact: empty, loading });
  }

  function noSummary(r, hasAudio) {
    const kind = { youtube: 'video', reddit: 'thread' }[r.content_source] || 'page';
    return h('section', { class: 'reader-empty', 'aria-labelledby': 'reader-empty-title' },
      h('div', { class: 'state-icon' }, icon('inbox', { size: 24 })),
      h('div', null,
        h('h3', { id: 'reader-empty-title', text: hasAudio ? 'Audio summary only' : 'No written summary yet' }),
        h('p', { text: hasAudio ? `This ${kind} has an audio summary above, but no written one.`
          : `This ${kind} is in the library, but its summary has not been written yet. It appears here as soon as it is.` })));
  }

  function renderTabs(variants, report) {
    const list = readable(variants);
    if (hasTranscript(report)) list.push({ variant: 'transcript', render: (panel) => renderTranscript(panel, report, { toast }) });
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
      tabs[i].scrollIntoView({ block: 'nearest', inline: 'nearest' });
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
    return h('section', { class: 'reader-summaries' }, tabStrip(tablist), panel);
  }

  function showVariant(panel, variant) {
    if (variant.render) {
      variant.render(panel);
    } else if (typeof variant.html === 'string' && variant.html) {
      // HTML the server sanitised to its allow-list: the single sanctioned HTML insertion in this app.
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
    show(row, h('div', { class: 'reader-scroll' }, h('div', { class: 'state-card' },
      h('div', { class: 'state-icon error' }, icon('alert', { size: 28 })),
      h('h2', { id: 'reader-title', text: err?.status === 404 ? 'This report is gone' : 'Could not open this report' }),
      h('p', { text: err?.message || 'Something went wrong.' }),
      h('button', { type: 'button', class: 'button', text: 'Try again', onclick: () => { const id = openId; openId = null; open(id); } }))),
    { compact: true, loading: false });
  }

  return { open, close, reload, isOpen: () => dialog.open, current: () => openId };
}

// One card of the wall: image (per the image-mode rules), title, meta, chips, excerpt, menu.
// Every database value is placed as text or, for URLs, only after safeUrl().

import { h, clear } from './dom.js';
import { icon, sourceIconName } from './icons.js';
import { resolveImage } from './image-modes.js';
import { formatDuration, describeDuration, formatDate, sourceLabel, categoriesOf } from './format.js';
import { safeUrl } from './safe-url.js';
import { openMenu } from './menu.js';

export const cardId = (report) => String(report.video_id ?? report.id ?? '');
const channelOf = (r) => r.channel || r.channel_name || '';
const titleOf = (r) => (typeof r.title === 'string' && r.title.trim()) || 'Untitled';

// What each card element shows, kept here rather than as properties on the nodes: the report it was
// filled from, and its image's fallback chain with the entry being tried. Entries go with their nodes.
const reports = new WeakMap(); // card element -> report
const candidates = new WeakMap(); // card image -> { chain, index }

/** The report a card element was last filled from, or null. */
export const reportOf = (el) => reports.get(el) || null;

/**
 * @param ctx {{ imageSetting: () => {mode, rotateCounter}, signedIn: () => boolean,
 *   linkFor: (id) => string, onOpen: (id) => void, onFilter: (facet, value) => void,
 *   onManageImages: (report) => void, onCopyLink: (id) => void }}
 */
export function renderCard(report, ctx) {
  const el = h('article', { class: 'card' });
  fillCard(el, report, ctx);
  return el;
}

export function fillCard(el, report, ctx) {
  clear(el);
  const id = cardId(report);
  el.dataset.videoId = id;
  el.dataset.source = sourceIconName(report.content_source);
  reports.set(el, report);

  const img = h('img', { 'data-role': 'thumb-summary', alt: '', loading: 'lazy', decoding: 'async' });
  img.addEventListener('load', () => img.classList.add('is-loaded'));
  img.addEventListener('error', () => {
    const { chain = [], index = 0 } = candidates.get(img) || {};
    const current = chain[index];
    // ignore a late error from an image we already moved away from
    if (current && new URL(current.url, document.baseURI).href === img.src) showCandidate(el, index + 1);
  });
  const placeholder = h('div', { class: 'placeholder', 'aria-hidden': 'true' },
    icon(sourceIconName(report.content_source), { size: 28 }),
    h('span', { class: 'placeholder-title', text: titleOf(report) }));
  const duration = formatDuration(report.duration_seconds);
  const media = h('div', { class: 'card-media' }, placeholder, img,
    duration ? h('span', { class: 'duration', text: duration, 'aria-label': `Duration ${describeDuration(report.duration_seconds)}` }) : null,
    report.media?.has_audio ? h('span', { class: 'audio-badge', title: 'Has audio summary' }, icon('audio', { size: 14 }), h('span', { text: 'Audio' })) : null);

  const link = h('a', { class: 'card-link', href: ctx.linkFor(id), text: titleOf(report) });
  link.addEventListener('click', (e) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    ctx.onOpen(id);
  });

  const when = report.published_at || report.indexed_at;
  const meta = h('p', { class: 'card-meta' },
    h('span', { class: 'source-icon' }, icon(sourceIconName(report.content_source), { size: 15, label: sourceLabel(report) })),
    h('span', { class: 'channel', text: channelOf(report) || sourceLabel(report) }),
    when ? h('span', { class: 'dot', 'aria-hidden': 'true', text: '·' }) : null,
    when ? h('time', { datetime: String(when), text: formatDate(when) }) : null);

  const chips = categoriesOf(report).slice(0, 3).map((c) => h('button', {
    type: 'button', class: 'chip chip-category', text: c, 'aria-label': `Filter by category ${c}`,
    onclick: () => ctx.onFilter('category', c),
  }));

  const excerpt = typeof report.summary_text === 'string' ? report.summary_text.trim() : '';
  const menuButton = h('button', { type: 'button', class: 'icon-button card-menu', 'aria-label': `More actions for ${titleOf(report)}`, 'aria-haspopup': 'menu' }, icon('more'));
  menuButton.addEventListener('click', () => openMenu(menuButton, menuItems(report, ctx)));

  el.append(media, h('div', { class: 'card-body' },
    h('h3', { class: 'card-title' }, link),
    meta,
    excerpt ? h('p', { class: 'card-excerpt', text: excerpt }) : null,
    chips.length ? h('div', { class: 'card-chips' }, chips) : null),
  menuButton);
  applyImage(el, ctx.imageSetting());
}

function menuItems(report, ctx) {
  const id = cardId(report);
  const source = safeUrl(report.canonical_url);
  return [
    { label: 'Open summary', icon: 'inbox', action: () => ctx.onOpen(id) },
    source ? { label: report.content_source === 'youtube' ? 'Watch on YouTube' : 'Open source', icon: 'external', href: source } : null,
    { label: 'Copy link', icon: 'link', action: () => ctx.onCopyLink(id) },
    ctx.onMoreLike ? { label: 'More like this', icon: 'search', action: () => ctx.onMoreLike(id), role: 'more-like' } : null,
    // Hook for the admin dialog: only offered to a signed-in admin.
    ctx.signedIn() ? { label: 'Manage images…', icon: 'image', action: () => ctx.onManageImages(report), role: 'manage-images' } : null,
    ...(ctx.reportActions?.(report) ?? []),
  ].filter(Boolean);
}

/** (Re)computes which image the card shows under the given mode setting. */
export function applyImage(el, setting) {
  const img = el.querySelector('img[data-role="thumb-summary"]');
  const report = reports.get(el);
  if (!img || !report) return;
  const res = resolveImage(report, setting.mode, setting.rotateCounter ?? 0);
  img.dataset.ai1Url = res.ai1Url || '';
  img.dataset.ai2Url = res.ai2Url || '';
  candidates.set(img, { chain: res.chain, index: 0 });
  showCandidate(el, 0);
}

function showCandidate(el, index) {
  const img = el.querySelector('img[data-role="thumb-summary"]');
  const chain = candidates.get(img)?.chain || [];
  const entry = chain[index];
  candidates.set(img, { chain, index });
  if (!entry) {
    img.removeAttribute('src');
    img.hidden = true;
    img.dataset.imageSource = 'none';
    el.classList.add('no-image');
    return;
  }
  el.classList.remove('no-image');
  img.hidden = false;
  img.dataset.imageSource = entry.source;
  if (img.getAttribute('src') !== entry.url) {
    img.classList.remove('is-loaded');
    img.src = entry.url;
  }
}

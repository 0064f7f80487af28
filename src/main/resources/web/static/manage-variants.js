// The variants list of the Manage Images dialog: select, star, delete (with Undo), restore,
// "Use this prompt", and a side-by-side compare of two variants. Pure view: it draws from its
// arguments and reports clicks to its handlers.

import { h } from './dom.js';
import { icon } from './icons.js';
import { safeUrl } from './safe-url.js';
import { variantsOf, selectedUrl } from './image-variants.js';
import { formatAge } from './format.js';

/**
 * @param report the loaded report; mode 'ai1'|'ai2'; view that mode's VariantsView (manage-state.js);
 *   busy: a write is in flight
 * @param on {{ toggleDeleted(), compare(url, on), closeCompare(), expand(url), enlarge(variant, button),
 *   select(url), restore(url), usePrompt(prompt), star(url, starred), remove(url) }}
 */
export function renderVariants({ report, mode, view, busy: writing }, on) {
  const live = variantsOf(report, mode);
  const deleted = variantsOf(report, mode, { deleted: true });
  const list = view.deleted ? deleted : live;
  const selected = selectedUrl(report, mode);
  const busy = writing || undefined;

  const toggle = h('div', { class: 'manage-row variants-head' },
    h('h3', { text: view.deleted ? `Deleted (${deleted.length})` : `Variants (${live.length})` }),
    (deleted.length || view.deleted) ? h('button', { type: 'button', class: 'link-button', dataset: { role: 'toggle-deleted' },
      text: view.deleted ? 'Back to variants' : `Deleted (${deleted.length})`,
      onclick: () => on.toggleDeleted() }) : null);

  const compare = view.compare.length === 2 ? compareView(list.filter((v) => view.compare.includes(v.url)), () => on.closeCompare()) : null;

  if (list.length === 0) {
    return h('section', { class: 'variants' }, toggle, h('p', { class: 'hint', text: view.deleted
      ? 'Nothing deleted.' : 'No images yet. Write a prompt and regenerate to make one.' }));
  }
  return h('section', { class: 'variants' }, toggle, compare,
    h('ul', { class: 'variant-list' }, list.map((v) => variantRow(v))));

  function variantRow(v) {
    const url = safeUrl(v.url);
    const isSelected = !view.deleted && url === selected;
    const prompt = typeof v.prompt === 'string' ? v.prompt : '';
    const expanded = view.expanded.includes(url);
    const facts = [v.backend, v.model, v.seed !== undefined && v.seed !== null ? `seed ${v.seed}` : null,
      v.width && v.height ? `${v.width}×${v.height}` : null, formatAge(v.created_at)].filter(Boolean).map(String);
    const compareBox = h('input', { type: 'checkbox', checked: view.compare.includes(url),
      disabled: !view.compare.includes(url) && view.compare.length >= 2 || undefined, 'aria-label': 'Compare this image', dataset: { role: 'compare' } });
    compareBox.addEventListener('change', () => on.compare(url, compareBox.checked));
    const actions = view.deleted
      ? [h('button', { type: 'button', class: 'button', text: 'Restore', dataset: { role: 'restore-variant' }, disabled: busy, onclick: () => on.restore(url) })]
      : [
        isSelected ? null : h('button', { type: 'button', class: 'button', text: 'Select this image', dataset: { role: 'select-variant' }, disabled: busy,
          onclick: () => on.select(url) }),
        prompt ? h('button', { type: 'button', class: 'button', text: 'Use this prompt', dataset: { role: 'use-prompt' },
          onclick: () => on.usePrompt(prompt) }) : null,
        h('button', { type: 'button', class: `icon-button star${v.starred ? ' is-starred' : ''}`, 'aria-pressed': String(Boolean(v.starred)),
          'aria-label': v.starred ? 'Unstar' : 'Star', title: v.starred ? 'Starred: shown first in Rotate' : 'Star: show first in Rotate',
          dataset: { role: 'star-variant' }, disabled: busy, onclick: () => on.star(url, !v.starred) }, icon('star', { size: 18 })),
        h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Delete this image', title: 'Delete (you can undo)',
          dataset: { role: 'delete-variant' }, disabled: busy, onclick: () => on.remove(url) }, icon('trash', { size: 18 })),
      ];
    return h('li', { class: `variant${isSelected ? ' is-selected' : ''}`, dataset: { url } },
      h('div', { class: 'variant-thumb' },
        h('button', { type: 'button', class: 'thumb-button', dataset: { role: 'enlarge' }, 'aria-label': 'Enlarge this image',
          onclick: (e) => on.enlarge(v, e.currentTarget) },
        h('img', { src: url, alt: prompt ? `Image for: ${prompt.slice(0, 80)}` : 'AI image', loading: 'lazy' })),
        isSelected ? h('span', { class: 'selected-badge' }, icon('check', { size: 13 }), h('span', { text: 'Selected' })) : null,
        v.starred && !view.deleted ? h('span', { class: 'starred-badge', title: 'Starred: shown first in Rotate' }, icon('star', { size: 12 })) : null),
      h('div', { class: 'variant-info' },
        prompt ? h('p', { class: `variant-prompt${expanded ? ' is-expanded' : ''}`, text: prompt, title: expanded ? undefined : prompt }) : h('p', { class: 'hint', text: 'No prompt recorded' }),
        prompt.length > 40 ? h('button', { type: 'button', class: 'link-button small', dataset: { role: 'expand-prompt' }, text: expanded ? 'Show less' : 'Show more', 'aria-expanded': String(expanded),
          onclick: () => on.expand(url) }) : null,
        h('p', { class: 'variant-facts', text: facts.join(' · ') }),
        h('div', { class: 'variant-actions' }, actions,
          h('label', { class: 'compare-toggle' }, compareBox, h('span', { text: 'Compare' })))));
  }
}

function compareView(pair, onClose) {
  return h('div', { class: 'compare', role: 'region', 'aria-label': 'Compare two images' },
    pair.map((v) => h('figure', null, h('img', { src: safeUrl(v.url), alt: '' }),
      h('figcaption', { text: typeof v.prompt === 'string' ? v.prompt : '' }))),
    h('button', { type: 'button', class: 'icon-button compare-close', 'aria-label': 'Close compare', onclick: onClose }, icon('x')));
}

/** The enlarged image over the dialog: the picture, its prompt, Esc or the close button to go back. */
export function lightbox(v, onClose) {
  return h('div', { class: 'lightbox', role: 'group', 'aria-label': 'Enlarged image', dataset: { role: 'lightbox' },
    onclick: (e) => { if (e.target === e.currentTarget) onClose(); } },
  h('button', { type: 'button', class: 'icon-button lightbox-close', 'aria-label': 'Close enlarged image', dataset: { role: 'close-enlarged' },
    onclick: onClose }, icon('x')),
  h('img', { src: safeUrl(v.url), alt: typeof v.prompt === 'string' && v.prompt ? `Image for: ${v.prompt.slice(0, 80)}` : 'AI image' }),
  typeof v.prompt === 'string' && v.prompt ? h('p', { class: 'lightbox-prompt', text: v.prompt }) : null);
}

// Small notifications in a polite live region.

import { h } from './dom.js';

export function createToaster(region) {
  return function toast(message, kind = 'info', { action, actionLabel, timeout = 4000 } = {}) {
    const el = h('div', { class: `toast toast-${kind}` }, h('span', { text: message }));
    if (action) {
      el.append(h('button', { type: 'button', class: 'link-button', text: actionLabel || 'Undo',
        onclick: () => { el.remove(); action(); } }));
    }
    // a modal dialog makes the rest of the page inert: show the toast above it
    (document.querySelector('dialog[open]') || document.body).append(region);
    region.append(el);
    setTimeout(() => el.classList.add('leaving'), timeout);
    setTimeout(() => el.remove(), timeout + 300);
    return el;
  };
}

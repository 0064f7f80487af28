// A small popup menu anchored to a button: arrow keys, Esc, click outside.

import { h } from './dom.js';
import { icon } from './icons.js';

let current = null;

export function closeMenu({ restoreFocus = true } = {}) {
  if (!current) return;
  const { menu, anchor, onDoc } = current;
  current = null;
  document.removeEventListener('pointerdown', onDoc, true);
  menu.remove();
  anchor.setAttribute('aria-expanded', 'false');
  if (restoreFocus) anchor.focus();
}

/** items: [{label, icon, action?, href?, role?}] */
export function openMenu(anchor, items) {
  const wasOpen = current && current.anchor === anchor;
  closeMenu({ restoreFocus: false });
  if (wasOpen) return;
  const menu = h('div', { class: 'menu', role: 'menu' });
  for (const item of items) {
    const attrs = { class: 'menu-item', role: 'menuitem', tabindex: '-1', dataset: item.role ? { role: item.role } : undefined };
    const el = item.href
      ? h('a', { ...attrs, href: item.href, target: '_blank', rel: 'noopener noreferrer' }, icon(item.icon || 'external', { size: 16 }), h('span', { text: item.label }))
      : h('button', { ...attrs, type: 'button' }, icon(item.icon || 'more', { size: 16 }), h('span', { text: item.label }));
    el.addEventListener('click', () => {
      closeMenu({ restoreFocus: !item.href });
      if (item.action) item.action();
    });
    menu.append(el);
  }
  menu.addEventListener('keydown', (e) => {
    const entries = Array.from(menu.querySelectorAll('.menu-item'));
    const i = entries.indexOf(document.activeElement);
    if (e.key === 'ArrowDown' || e.key === 'j') entries[(i + 1) % entries.length].focus();
    else if (e.key === 'ArrowUp' || e.key === 'k') entries[(i - 1 + entries.length) % entries.length].focus();
    else if (e.key === 'Home') entries[0].focus();
    else if (e.key === 'End') entries[entries.length - 1].focus();
    else if (e.key === 'Escape') closeMenu();
    else if (e.key === 'Tab') closeMenu({ restoreFocus: false });
    else return;
    e.preventDefault();
    e.stopPropagation();
  });
  document.body.append(menu);
  const r = anchor.getBoundingClientRect();
  const width = menu.offsetWidth;
  const left = Math.max(8, Math.min(window.innerWidth - width - 8, r.right - width));
  const below = r.bottom + menu.offsetHeight + 8 < window.innerHeight;
  menu.style.left = `${left + window.scrollX}px`;
  menu.style.top = `${(below ? r.bottom + 6 : r.top - menu.offsetHeight - 6) + window.scrollY}px`;
  anchor.setAttribute('aria-expanded', 'true');
  const onDoc = (e) => { if (!menu.contains(e.target) && e.target !== anchor && !anchor.contains(e.target)) closeMenu({ restoreFocus: false }); };
  document.addEventListener('pointerdown', onDoc, true);
  current = { menu, anchor, onDoc };
  menu.querySelector('.menu-item')?.focus();
}

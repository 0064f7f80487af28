// Keyboard: "/" focuses search; arrows or j/k move between cards; Enter opens (native link); Esc closes dialogs (native).

const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

function columns(cards) {
  if (cards.length < 2) return 1;
  const top = cards[0].offsetTop;
  const n = cards.findIndex((c) => c.offsetTop !== top);
  return n === -1 ? cards.length : n;
}

export function installKeyboard({ search, grid }) {
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey) return;
    if (document.querySelector('dialog[open]') || document.querySelector('.menu')) return;
    const active = document.activeElement;
    if (e.key === '/' && !typing(active)) {
      e.preventDefault();
      search.focus();
      search.select();
      return;
    }
    if (typing(active)) {
      if (e.key === 'Escape' && active === search && search.value === '') search.blur();
      return;
    }
    const move = { j: 1, ArrowRight: 1, k: -1, ArrowLeft: -1, ArrowDown: 'down', ArrowUp: 'up' }[e.key];
    if (move === undefined) return;
    const cards = Array.from(grid.querySelectorAll('.card:not(.skeleton)'));
    if (cards.length === 0) return;
    const current = cards.findIndex((c) => c.contains(active));
    if (current === -1 && (e.key === 'ArrowUp' || e.key === 'ArrowLeft')) return; // let the page scroll
    let next;
    if (current === -1) next = 0;
    else if (move === 'down') next = current + columns(cards);
    else if (move === 'up') next = current - columns(cards);
    else next = current + move;
    if (next < 0 || next >= cards.length) {
      if (current !== -1) e.preventDefault();
      return;
    }
    e.preventDefault();
    const link = cards[next].querySelector('.card-link');
    link.focus({ preventScroll: true });
    cards[next].scrollIntoView({ block: 'nearest', behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  });
}

// A row of tabs that scrolls sideways when it is wider than its box (the reader on a phone).
// Its scroll bar is hidden, so a fade and a chevron on the clipped side show that more tabs follow.

import { h } from './dom.js';
import { icon } from './icons.js';

export function tabStrip(tablist) {
  const more = (side) => h('button', { type: 'button', class: `tabs-more tabs-more-${side}`, tabindex: '-1', 'aria-hidden': 'true',
    onclick: () => tablist.scrollBy({ left: (side === 'end' ? 1 : -1) * tablist.clientWidth * 0.7, behavior: 'smooth' }) },
  icon('chevron', { size: 16 }));
  const strip = h('div', { class: 'tabs-strip' }, more('start'), tablist, more('end'));
  const update = () => {
    const left = tablist.scrollLeft;
    const hidden = [];
    if (left > 1) hidden.push('start');
    if (left + tablist.clientWidth < tablist.scrollWidth - 1) hidden.push('end');
    strip.dataset.more = hidden.join(' ');
  };
  tablist.addEventListener('scroll', update, { passive: true });
  new ResizeObserver(update).observe(tablist);
  return strip;
}

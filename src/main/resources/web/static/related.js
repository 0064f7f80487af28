// The reader's "Related" row: the reports nearest in meaning to the open one.

import { h } from './dom.js';
import { icon, sourceIconName } from './icons.js';

const SIZE = 8;

export function relatedRow({ api, id, linkFor, onOpen }) {
  const list = h('ul', { class: 'related-list' });
  const section = h('section', { class: 'related', 'aria-label': 'Related reports', hidden: true },
    h('h3', { class: 'related-title', text: 'Related' }), list);
  api.request('GET', `/api/reports/${encodeURIComponent(id)}/related?size=${SIZE}`).then((data) => {
    const rows = Array.isArray(data?.reports) ? data.reports : [];
    for (const r of rows) {
      const rid = String(r.video_id ?? r.id ?? '');
      const link = h('a', { class: 'related-link', href: linkFor(rid), dataset: { videoId: rid } },
        icon(sourceIconName(r.content_source), { size: 14 }),
        h('span', { class: 'related-name', text: (typeof r.title === 'string' && r.title.trim()) || 'Untitled' }),
        h('span', { class: 'related-channel', text: r.channel || r.channel_name || '' }));
      link.addEventListener('click', (e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
        e.preventDefault();
        onOpen(rid);
      });
      list.append(h('li', {}, link));
    }
    section.hidden = rows.length === 0;
  }).catch(() => { section.hidden = true; });
  return section;
}

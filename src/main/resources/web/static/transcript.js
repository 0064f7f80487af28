// The reader's Transcript tab: timed segments (a timestamp opens the video at that second), a
// filter box, copy and download as text. Built from the detail's transcript fields only.

import { h, clear } from './dom.js';
import { icon } from './icons.js';

export function hasTranscript(report) {
  return (Array.isArray(report?.transcript_segments) && report.transcript_segments.length > 0)
    || (typeof report?.transcript_text === 'string' && report.transcript_text.trim() !== '');
}

export function clock(seconds) {
  const s = Math.max(0, Math.floor(Number(seconds) || 0));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** A link to the video at a second, for YouTube reports; null for other sources. */
export function videoAt(report, seconds) {
  if (report?.content_source !== 'youtube') return null;
  const bare = String(report.video_id ?? '').replace(/^(yt|youtube):/, '');
  if (!/^[A-Za-z0-9_-]{6,20}$/.test(bare)) return null;
  return `https://www.youtube.com/watch?v=${bare}&t=${Math.floor(Number(seconds) || 0)}s`;
}

export function transcriptText(report) {
  const segments = Array.isArray(report?.transcript_segments) ? report.transcript_segments : [];
  if (segments.length) return segments.map((s) => `[${clock(s.start)}] ${s.text}`).join('\n');
  return String(report?.transcript_text ?? '').trim();
}

export function renderTranscript(panel, report, { toast } = {}) {
  clear(panel);
  const segments = Array.isArray(report.transcript_segments) ? report.transcript_segments : [];
  const filter = h('input', { type: 'search', class: 'transcript-filter', placeholder: 'Filter the transcript', 'aria-label': 'Filter the transcript' });
  const copy = h('button', { type: 'button', class: 'button', dataset: { role: 'copy-transcript' } }, icon('link', { size: 16 }), h('span', { text: 'Copy' }));
  const download = h('button', { type: 'button', class: 'button', dataset: { role: 'download-transcript' } }, icon('inbox', { size: 16 }), h('span', { text: 'Download .txt' }));
  const count = h('span', { class: 'transcript-count', role: 'status' });
  const list = h('ol', { class: 'transcript-lines' });

  const rows = segments.length
    ? segments.map((s) => {
      const at = videoAt(report, s.start);
      const stamp = at ? h('a', { class: 'transcript-time', href: at, target: '_blank', rel: 'noopener noreferrer', text: clock(s.start) })
        : h('span', { class: 'transcript-time', text: clock(s.start) });
      return { text: String(s.text), el: h('li', { class: 'transcript-line' }, stamp, h('span', { class: 'transcript-words', text: String(s.text) })) };
    })
    : String(report.transcript_text).split(/\n{2,}|(?<=[.!?])\s+(?=[A-Z])/).filter((p) => p.trim())
      .map((p) => ({ text: p, el: h('li', { class: 'transcript-line plain' }, h('span', { class: 'transcript-words', text: p })) }));
  list.append(...rows.map((r) => r.el));

  const apply = () => {
    const q = filter.value.trim().toLowerCase();
    let shown = 0;
    for (const r of rows) {
      const hit = !q || r.text.toLowerCase().includes(q);
      r.el.hidden = !hit;
      if (hit) shown++;
    }
    count.textContent = q ? `${shown} of ${rows.length} lines` : `${rows.length} lines`;
  };
  filter.addEventListener('input', apply);
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(transcriptText(report));
      toast?.('Transcript copied.', 'info');
    } catch {
      toast?.('Copying is not allowed here.', 'error');
    }
  });
  download.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([transcriptText(report) + '\n'], { type: 'text/plain;charset=utf-8' }));
    const a = h('a', { href: url, download: `transcript-${String(report.video_id ?? 'report').replace(/[^A-Za-z0-9_-]+/g, '-')}.txt` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  apply();
  panel.append(h('div', { class: 'transcript-tools' }, filter, count, copy, download), list);
}

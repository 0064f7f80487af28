// Pure formatting helpers: durations, dates, labels. No DOM.

export function formatDuration(seconds) {
  const total = Math.round(Number(seconds));
  if (!Number.isFinite(total) || total <= 0) return '';
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** "3 min" style for screen readers and tooltips. */
export function describeDuration(seconds) {
  const total = Math.round(Number(seconds));
  if (!Number.isFinite(total) || total <= 0) return '';
  const h = Math.floor(total / 3600);
  const m = Math.round((total % 3600) / 60);
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return m > 0 ? `${m} min` : `${total} s`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parseDate(value) {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "12 Mar 2024", or "12 Mar" in the current year. */
export function formatDate(value, now = new Date()) {
  const d = parseDate(value);
  if (!d) return '';
  const day = `${d.getDate()} ${MONTHS[d.getMonth()]}`;
  return d.getFullYear() === now.getFullYear() ? day : `${day} ${d.getFullYear()}`;
}

/** "just now", "5 min ago", "3 h ago", "2 d ago", then a date. */
export function formatAge(value, now = new Date()) {
  const d = parseDate(value);
  if (!d) return '';
  const secs = Math.max(0, (now.getTime() - d.getTime()) / 1000);
  if (secs < 60) return 'just now';
  if (secs < 3600) return `${Math.floor(secs / 60)} min ago`;
  if (secs < 86400) return `${Math.floor(secs / 3600)} h ago`;
  if (secs < 86400 * 14) return `${Math.floor(secs / 86400)} d ago`;
  return formatDate(value, now);
}

const SOURCE_LABELS = { youtube: 'YouTube', reddit: 'Reddit', web: 'Web' };

export function sourceLabel(report) {
  if (report && typeof report.source_label === 'string' && report.source_label) return report.source_label;
  return labelFor(report?.content_source) || 'Web';
}

export function labelFor(value) {
  if (value === undefined || value === null || value === '') return '';
  const text = String(value);
  if (SOURCE_LABELS[text]) return SOURCE_LABELS[text];
  return text.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

const LANGUAGES = { en: 'English', de: 'German', fr: 'French', es: 'Spanish', it: 'Italian', pt: 'Portuguese',
  nl: 'Dutch', ja: 'Japanese', zh: 'Chinese', ko: 'Korean', ru: 'Russian', pl: 'Polish', sv: 'Swedish' };

export function languageLabel(code) {
  if (!code) return '';
  return LANGUAGES[String(code).toLowerCase()] || String(code);
}

/** Category names of a report row (analysis.category[] / categories[]), unique, in order. */
export function categoriesOf(report) {
  const a = report?.analysis || {};
  const raw = [].concat(a.category || [], a.categories || []);
  const out = [];
  for (const c of raw) {
    const name = typeof c === 'string' ? c : c && typeof c.category === 'string' ? c.category : null;
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** The first text whose measured width fits, else the last (the shortest the caller offers). */
export function firstThatFits(texts, width, measure) {
  return texts.find((t) => measure(t) <= width) ?? texts[texts.length - 1];
}

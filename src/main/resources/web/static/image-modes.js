// Which image a card shows (README, Image modes). Pure functions, no DOM.
//
// resolveImage(report, mode, rotateCounter) answers an ordered chain of candidates
// [{source: 'og'|'ai1'|'ai2', url}]: the card shows the first, and falls back along the chain
// when an image fails to load. An empty chain means "show the placeholder".

import { safeUrl } from './safe-url.js';

export const MODES = ['og', 'a1', 'ai2', 'rotate', 'default'];
export const MODE_LABELS = { og: 'OG', a1: 'A1', ai2: 'AI2', rotate: 'Rotate', default: 'Default' };

/** FNV-1a, 32 bit, unsigned: the same number for the same id in every browser. */
export function stableHash(text) {
  let h = 0x811c9dc5;
  const s = String(text ?? '');
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const analysisOf = (r) => (r && r.analysis && typeof r.analysis === 'object' ? r.analysis : {});
const time = (v) => {
  const t = Date.parse(v?.created_at ?? '');
  return Number.isNaN(t) ? 0 : t;
};

export function ogUrl(report) {
  return safeUrl(report?.thumbnail_url);
}

export function ai1Url(report) {
  return safeUrl(report?.summary_image_url) || safeUrl(analysisOf(report).summary_image_selected_url);
}

/** Non-deleted AI2 variants: starred first, then newest first. */
export function ai2Variants(report) {
  const variants = analysisOf(report).summary_image_variants;
  if (!Array.isArray(variants)) return [];
  return variants
    .filter((v) => v && v.image_mode === 'ai2' && !v.deleted_at && safeUrl(v.url))
    .map((v, index) => ({ v, index }))
    .sort((a, b) => (Number(!!b.v.starred) - Number(!!a.v.starred)) || (time(b.v) - time(a.v)) || (b.index - a.index))
    .map(({ v }) => v);
}

function newestAi2(report) {
  const variants = analysisOf(report).summary_image_variants;
  if (!Array.isArray(variants)) return null;
  let best = null;
  variants.forEach((v, index) => {
    if (!v || v.image_mode !== 'ai2' || v.deleted_at || !safeUrl(v.url)) return;
    if (!best || time(v) > time(best.v) || (time(v) === time(best.v) && index > best.index)) best = { v, index };
  });
  return best ? safeUrl(best.v.url) : null;
}

export function ai2Url(report) {
  return safeUrl(analysisOf(report).summary_image_ai2_url) || newestAi2(report);
}

function chainOf(entries) {
  const seen = new Set();
  const out = [];
  for (const [source, url] of entries) {
    if (url && !seen.has(url)) {
      seen.add(url);
      out.push({ source, url });
    }
  }
  return out;
}

/** The entries Rotate cycles through: OG, A1, then every non-deleted AI2 variant. */
export function rotateList(report) {
  const ai2 = ai2Variants(report).map((v) => ['ai2', safeUrl(v.url)]);
  if (ai2.length === 0 && ai2Url(report)) ai2.push(['ai2', ai2Url(report)]);
  return chainOf([['og', ogUrl(report)], ['ai1', ai1Url(report)], ...ai2]);
}

const DISPLAY_TO_MODE = { og: 'og', ai1: 'a1', ai2: 'ai2' };

/** The mode a card follows under the global mode (Default defers to the card's own choice). */
export function effectiveMode(report, mode) {
  if (mode !== 'default') return MODES.includes(mode) ? mode : 'og';
  return DISPLAY_TO_MODE[analysisOf(report).summary_image_display_mode] || 'og';
}

/**
 * @returns {{chain: {source: string, url: string}[], ai1Url: string|null, ai2Url: string|null}}
 */
export function resolveImage(report, mode, rotateCounter = 0) {
  const og = ['og', ogUrl(report)];
  const a1 = ['ai1', ai1Url(report)];
  const a2 = ['ai2', ai2Url(report)];
  let chain;
  switch (effectiveMode(report, mode)) {
    case 'a1': chain = chainOf([a1, a2, og]); break;
    case 'ai2': chain = chainOf([a2, a1, og]); break;
    case 'rotate': {
      const list = rotateList(report);
      const n = list.length;
      const counter = Number.isFinite(Number(rotateCounter)) ? Math.trunc(Number(rotateCounter)) : 0;
      const start = n ? (((counter + stableHash(report?.video_id ?? report?.id)) % n) + n) % n : 0;
      chain = list.slice(start).concat(list.slice(0, start));
      break;
    }
    default: chain = chainOf([og, a1, a2]);
  }
  return { chain, ai1Url: a1[1], ai2Url: a2[1] };
}

/**
 * The stored image-mode setting after the user picks a mode.
 * Rotate's counter starts at 0 and advances by one each time Rotate is picked again.
 * @param {{mode: string, rotateCounter: number|null}} prev  rotateCounter null = Rotate never picked
 */
export function pickMode(prev, picked) {
  const mode = MODES.includes(picked) ? picked : 'og';
  const counter = Number.isInteger(prev?.rotateCounter) ? prev.rotateCounter : null;
  if (mode !== 'rotate') return { mode, rotateCounter: counter };
  return { mode, rotateCounter: counter === null ? 0 : counter + 1 };
}

const MODE_KEY = 'ytv2.imageMode';
const COUNTER_KEY = 'ytv2.rotateCounter';

/** Reads the setting from a Storage-like object (localStorage in the browser). */
export function loadModeSetting(storage) {
  let mode = 'og';
  let rotateCounter = null;
  try {
    const m = storage?.getItem(MODE_KEY);
    if (MODES.includes(m)) mode = m;
    const c = storage?.getItem(COUNTER_KEY);
    if (c !== null && c !== undefined && /^\d{1,9}$/.test(c)) rotateCounter = Number(c);
  } catch { /* storage unavailable: defaults */ }
  return { mode, rotateCounter };
}

export function saveModeSetting(storage, setting) {
  try {
    storage?.setItem(MODE_KEY, setting.mode);
    if (Number.isInteger(setting.rotateCounter)) storage?.setItem(COUNTER_KEY, String(setting.rotateCounter));
  } catch { /* private mode: the setting lives for this page only */ }
}

// Pure helpers for the Manage Images dialog (SPEC 6): prompt defaults, variant lists, job state.

import { safeUrl } from './safe-url.js';

const analysisOf = (r) => (r && r.analysis && typeof r.analysis === 'object' ? r.analysis : {});
const str = (v) => (typeof v === 'string' && v.trim() ? v : '');
const time = (v) => { const t = Date.parse(v?.created_at ?? ''); return Number.isNaN(t) ? 0 : t; };

/** Variants of one mode, newest first; live ones, or only the deleted ones. */
export function variantsOf(report, mode, { deleted = false } = {}) {
  const list = analysisOf(report).summary_image_variants;
  if (!Array.isArray(list)) return [];
  return list
    .map((v, index) => ({ v, index }))
    .filter(({ v }) => v && v.image_mode === mode && Boolean(v.deleted_at) === deleted && safeUrl(v.url))
    .sort((a, b) => (time(b.v) - time(a.v)) || (b.index - a.index))
    .map(({ v }) => v);
}

/** The prompt the box starts with. */
export function defaultPrompt(report, mode) {
  const a = analysisOf(report);
  const last = variantsOf(report, mode)[0];
  if (mode === 'ai2') return str(a.summary_image_ai2_prompt) || str(last?.prompt) || '';
  return str(a.summary_image_prompt) || str(last?.prompt) || str(a.summary_image_prompt_last_used) || '';
}

/** What "Use default prompt" restores. */
export function originalPrompt(report, mode) {
  const a = analysisOf(report);
  return str(mode === 'ai2' ? a.summary_image_ai2_prompt_original : a.summary_image_prompt_original);
}

export function selectedUrl(report, mode) {
  const a = analysisOf(report);
  return mode === 'ai2' ? (a.summary_image_ai2_url || null) : (report?.summary_image_url || a.summary_image_selected_url || null);
}

/** The latest job of a mode and how to show it: {state, label, error, job} or null. */
export function jobStatus(jobs, mode) {
  const mine = (Array.isArray(jobs) ? jobs : []).filter((j) => j && j.mode === mode);
  if (mine.length === 0) return null;
  const job = mine.reduce((a, b) => ((Date.parse(b.updated_at || b.created_at || 0) || 0) >= (Date.parse(a.updated_at || a.created_at || 0) || 0) ? b : a));
  const labels = { queued: 'Queued — waiting for the renderer…', running: 'Rendering…', done: 'Done — the new image is selected.', failed: 'Rendering failed.' };
  return { state: job.state, label: labels[job.state] || String(job.state), error: str(job.last_error), job };
}

export const isActive = (status) => Boolean(status && (status.state === 'queued' || status.state === 'running'));

// Pure helpers for the Manage Images dialog (README, Manage Images): prompt defaults, variant lists, job state.

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

const JOB_LABELS = { queued: 'Queued — waiting for the renderer…', running: 'Rendering…', done: 'Done — the new image is selected.', failed: 'Rendering failed.' };
const stamp = (j) => Date.parse(j.updated_at || j.created_at || 0) || 0;

/**
 * What the dialog shows about the render jobs of one mode, as [{state, label, error, job}]:
 * the running job and the one queued after it; when none is active, the latest job if it failed,
 * or if it is done and was seen active while the dialog was open (`watched` ids; a job done last
 * week is old news).
 */
export function jobLines(jobs, mode, { watched = new Set() } = {}) {
  const mine = (Array.isArray(jobs) ? jobs : []).filter((j) => j && j.mode === mode).sort((a, b) => stamp(b) - stamp(a));
  const line = (job, label = JOB_LABELS[job.state] || String(job.state)) => ({ state: job.state, label, error: str(job.last_error), job });
  const running = mine.filter((j) => j.state === 'running');
  const queued = mine.filter((j) => j.state === 'queued');
  if (running.length || queued.length) {
    return [...running.map((j) => line(j)),
      ...queued.map((j) => line(j, running.length ? 'Queued next — the newer prompt renders after this one.'
        : (j.attempts > 0 ? 'Queued — trying again shortly…' : JOB_LABELS.queued)))];
  }
  const latest = mine[0];
  if (!latest) return [];
  if (latest.state === 'failed' || (latest.state === 'done' && watched.has(latest.id))) return [line(latest)];
  return [];
}

/**
 * Where a queued job stands, from the job list's queue_position and queue_estimate_seconds:
 * "Next in line", "3rd in line · about 40 s"; '' when the server gave no place.
 */
export function queuePlace(job) {
  const pos = Number(job && job.queue_position);
  if (!Number.isInteger(pos) || pos < 1) return '';
  const place = pos === 1 ? 'Next in line' : `${ordinal(pos)} in line`;
  const secs = Number(job.queue_estimate_seconds);
  if (job.queue_estimate_seconds == null || !Number.isFinite(secs) || secs <= 0) return place;
  return `${place} · about ${formatElapsed(Math.round(secs) * 1000)}`;
}

function ordinal(n) {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' })[n % 10] || 'th';
  return `${n.toLocaleString('en')}${suffix}`;
}

export const isActive = (status) => Boolean(status && (status.state === 'queued' || status.state === 'running'));

/** "4 s", "1 min 05 s": how long a render has been running. */
export function formatElapsed(ms) {
  const secs = Math.max(0, Math.floor((Number(ms) || 0) / 1000));
  if (secs < 60) return `${secs} s`;
  return `${Math.floor(secs / 60)} min ${String(secs % 60).padStart(2, '0')} s`;
}

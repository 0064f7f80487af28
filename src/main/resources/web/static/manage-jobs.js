// The live render state in the Manage Images dialog: queued, rendering (with the elapsed time),
// done, or failed with the error and a Retry button.

import { h } from './dom.js';
import { icon } from './icons.js';
import { isActive, formatElapsed, queuePlace } from './image-variants.js';

/** One line per job from jobLines(); onRetry(job) when Retry is pressed. */
export function jobLine(status, { onRetry, busy }) {
  const { state, job } = status;
  const started = Date.parse(job.started_at || '');
  const elapsed = state === 'running' && !Number.isNaN(started)
    ? h('span', { class: 'job-elapsed', dataset: { role: 'elapsed', since: String(started) }, text: formatElapsed(Date.now() - started) })
    : null;
  // Renders a person asks for go ahead of background work, so the place is mostly "Next in line".
  const place = state === 'queued' ? queuePlace(job) : '';
  return h('div', { class: `job-line job-${state}`, role: 'status', dataset: { jobState: state, jobId: String(job.id) } },
    isActive(status) ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : icon(state === 'failed' ? 'alert' : 'check', { size: 16 }),
    h('span', { class: 'job-label', text: status.label }),
    elapsed,
    place ? h('span', { class: 'job-place', dataset: { role: 'queue-place' }, text: place }) : null,
    status.error ? h('span', { class: 'job-error', text: status.error }) : null,
    state === 'failed' ? h('button', { type: 'button', class: 'button job-retry', text: 'Retry', disabled: busy || undefined,
      dataset: { role: 'retry-job' }, onclick: () => onRetry(job) }) : null);
}

/** Advances every elapsed-time label under root once a second; answers a stop function. */
export function startElapsedTicker(root) {
  const timer = setInterval(() => {
    for (const el of root.querySelectorAll('[data-role="elapsed"]')) el.textContent = formatElapsed(Date.now() - Number(el.dataset.since));
  }, 1000);
  return () => clearInterval(timer);
}

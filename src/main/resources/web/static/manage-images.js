// Manage Images (admin, SPEC 6): AI1 / AI2 tabs, prompt, regenerate with live job state,
// the variants list (manage-variants.js), the card's preferred image, "Delete all AI images…".

import { h, clear } from './dom.js';
import { icon } from './icons.js';
import { defaultPrompt, originalPrompt, jobStatus, isActive } from './image-variants.js';
import { renderVariants } from './manage-variants.js';

const MODES = [['ai1', 'AI1'], ['ai2', 'AI2']];
const DISPLAY = [['', 'Global'], ['og', 'OG'], ['ai1', 'AI1'], ['ai2', 'AI2']];
let active = null; // the one open dialog's controller

export function openManageImages({ dialog, api, report, toast, onReport }) {
  active?.dispose();
  const videoId = String(report.video_id ?? report.id);
  const ctl = { videoId, mode: 'ai1', report, jobs: [], prompts: {}, view: {}, timer: null, busy: false, confirmAll: false };
  active = ctl;

  const title = (typeof report.title === 'string' && report.title) || 'Untitled';
  const onClose = () => ctl.dispose();
  dialog.addEventListener('close', onClose, { once: true });
  ctl.dispose = () => {
    clearTimeout(ctl.timer);
    dialog.removeEventListener('close', onClose);
    if (active === ctl) active = null;
  };

  async function refresh() {
    try {
      const [detail, jobs] = await Promise.all([api.getReport(videoId), api.imageJobs(videoId).catch(() => ({ jobs: [] }))]);
      if (active !== ctl) return;
      ctl.report = detail;
      ctl.jobs = Array.isArray(jobs?.jobs) ? jobs.jobs : [];
      onReport?.(detail);
      render();
      schedulePoll();
    } catch (err) {
      if (active === ctl) toast(err.message, 'error');
    }
  }
  ctl.refresh = refresh;

  function schedulePoll() {
    clearTimeout(ctl.timer);
    if (MODES.some(([m]) => isActive(jobStatus(ctl.jobs, m)))) ctl.timer = setTimeout(refresh, 2000);
  }

  async function act(fn, okMessage) {
    ctl.busy = true;
    render();
    try {
      await fn();
      if (okMessage) toast(okMessage);
    } catch (err) {
      toast(err.message, 'error');
    } finally {
      ctl.busy = false;
    }
    await refresh();
  }
  ctl.act = act;

  function promptBox(mode) {
    if (ctl.prompts[mode] === undefined) ctl.prompts[mode] = defaultPrompt(ctl.report, mode);
    const area = h('textarea', { id: 'manage-prompt', rows: '4', 'aria-label': `${mode.toUpperCase()} prompt` });
    area.value = ctl.prompts[mode];
    area.addEventListener('input', () => { ctl.prompts[mode] = area.value; });
    const original = originalPrompt(ctl.report, mode);
    const status = jobStatus(ctl.jobs, mode);
    const regenerate = h('button', { type: 'button', class: 'button primary', disabled: ctl.busy || isActive(status) || undefined,
      dataset: { role: 'regenerate' } }, icon('refresh', { size: 16 }), h('span', { text: `Regenerate ${mode === 'ai1' ? 'AI1' : 'AI2'}` }));
    regenerate.addEventListener('click', () => {
      const prompt = ctl.prompts[mode].trim();
      if (!prompt) { toast('Write a prompt first.', 'error'); area.focus(); return; }
      act(() => api.setImagePrompt(videoId, prompt, mode));
    });
    return h('div', { class: 'manage-prompt' },
      area,
      h('div', { class: 'manage-row' },
        regenerate,
        original ? h('button', { type: 'button', class: 'button', text: 'Use default prompt',
          onclick: () => { ctl.prompts[mode] = original; render(); } }) : null),
      status ? jobLine(status) : null);
  }

  function jobLine(status) {
    return h('div', { class: `job-line job-${status.state}`, role: 'status', dataset: { jobState: status.state } },
      isActive(status) ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : icon(status.state === 'failed' ? 'alert' : 'check', { size: 16 }),
      h('span', { text: status.label }),
      status.state === 'failed' && status.error ? h('span', { class: 'job-error', text: status.error }) : null,
      status.state === 'failed' ? h('button', { type: 'button', class: 'link-button', text: 'Retry',
        onclick: () => act(() => api.retryImageJob(status.job.id), 'Queued again') }) : null);
  }

  function displayModeRow() {
    const current = ctl.report.analysis?.summary_image_display_mode || '';
    return h('div', { class: 'manage-display' },
      h('span', { class: 'manage-label', id: 'display-mode-label', text: 'This card prefers' }),
      h('div', { class: 'segmented small', role: 'radiogroup', 'aria-labelledby': 'display-mode-label' },
        DISPLAY.map(([value, label]) => h('button', { type: 'button', role: 'radio', class: 'segment', text: label,
          'aria-checked': String(value === current), title: value ? `Shown in Default mode: ${label}` : 'Follow the global mode',
          onclick: () => act(() => api.setImageDisplayMode(videoId, value || null)) }))));
  }

  function deleteAll() {
    const n = ['ai1', 'ai2'].reduce((sum, m) => sum + (ctl.report.analysis?.summary_image_variants || []).filter((v) => v.image_mode === m && !v.deleted_at).length, 0);
    if (!ctl.confirmAll) {
      return h('button', { type: 'button', class: 'button danger', disabled: n === 0 || undefined,
        onclick: () => { ctl.confirmAll = true; render(); dialog.querySelector('[data-role="confirm-delete-all"]')?.focus(); } },
      icon('trash', { size: 16 }), h('span', { text: 'Delete all AI images…' }));
    }
    return h('div', { class: 'confirm', role: 'alertdialog', 'aria-label': 'Confirm deleting all AI images' },
      h('p', { text: `Delete all ${n} AI images of this card? You can restore them from “Deleted” for a while.` }),
      h('div', { class: 'manage-row' },
        h('button', { type: 'button', class: 'button', text: 'Cancel', onclick: () => { ctl.confirmAll = false; render(); } }),
        h('button', { type: 'button', class: 'button primary danger-fill', text: 'Delete all', dataset: { role: 'confirm-delete-all' },
          onclick: () => { ctl.confirmAll = false; act(() => api.deleteAllAiImages(videoId, ['ai1', 'ai2']), 'All AI images deleted'); } })));
  }

  function render() {
    if (active !== ctl) return;
    const keep = document.activeElement && dialog.contains(document.activeElement) ? document.activeElement.id : null;
    clear(dialog);
    const tabs = MODES.map(([mode, label]) => h('button', { type: 'button', role: 'tab', class: 'tab', id: `manage-tab-${mode}`,
      'aria-selected': String(ctl.mode === mode), 'aria-controls': 'manage-panel', tabindex: ctl.mode === mode ? '0' : '-1', text: label,
      onclick: () => { ctl.mode = mode; render(); dialog.querySelector(`#manage-tab-${mode}`)?.focus(); },
      onkeydown: (e) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
        ctl.mode = ctl.mode === 'ai1' ? 'ai2' : 'ai1';
        render();
        dialog.querySelector(`#manage-tab-${ctl.mode}`)?.focus();
      } }));
    dialog.append(
      h('div', { class: 'sheet-head' },
        h('div', { class: 'manage-title' }, h('h2', { id: 'manage-title', text: 'Manage images' }), h('p', { text: title })),
        h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close manage images', onclick: () => dialog.close() }, icon('x'))),
      h('div', { class: 'manage-body' },
        h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Image kind' }, tabs),
        h('div', { class: 'manage-panel', id: 'manage-panel', role: 'tabpanel', 'aria-labelledby': `manage-tab-${ctl.mode}` },
          promptBox(ctl.mode),
          renderVariants(ctl, ctl.mode, { api, toast, render })),
        h('div', { class: 'manage-foot' }, displayModeRow(), deleteAll())));
    if (keep) dialog.querySelector(`#${CSS.escape(keep)}`)?.focus();
  }

  render();
  if (!dialog.open) dialog.showModal();
  refresh();
}

/** Live events: refresh the open dialog when its report changes. */
export function onManageEvent(name, data) {
  if (active && data?.video_id === active.videoId && !active.busy) active.refresh();
}

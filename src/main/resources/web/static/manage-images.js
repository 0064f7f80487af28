// Manage Images (admin): A1 (themed) / AI2 (freestyle) tabs, prompt, regenerate with live job state
// (manage-jobs.js), the variants list (manage-variants.js), the card's preferred image,
// "Delete all AI images…".

import { h } from './dom.js';
import { icon } from './icons.js';
import { defaultPrompt, originalPrompt, jobLines, isActive, variantsOf } from './image-variants.js';
import { renderVariants, lightbox } from './manage-variants.js';
import { jobLine, startElapsedTicker } from './manage-jobs.js';

// 'ai1' is the API's name; people see A1, as in Settings.
const MODES = [['ai1', 'A1'], ['ai2', 'AI2']];
const DISPLAY = [['', 'Global'], ['og', 'OG'], ['ai1', 'A1'], ['ai2', 'AI2']];
let active = null; // the one open dialog's controller

export function openManageImages({ dialog, api, report, toast, onReport }) {
  active?.dispose();
  const videoId = String(report.video_id ?? report.id);
  const ctl = { videoId, mode: 'ai1', report, loaded: false, jobs: [], watched: new Set(), expect: [], prompts: {}, view: {},
    enlarged: null, timer: null, busy: false, sending: false, confirmAll: false, seq: 0 };
  active = ctl;

  const title = (typeof report.title === 'string' && report.title) || 'Untitled';
  const stopTicker = startElapsedTicker(dialog);
  const onClose = () => ctl.dispose();
  // Esc closes the enlarged image first, then the dialog.
  const onKey = (e) => {
    if (e.key === 'Tab') trapFocus(dialog, e);
    if (e.key !== 'Escape' || !ctl.enlarged) return;
    e.preventDefault();
    e.stopPropagation();
    closeEnlarged();
  };
  const onCancel = (e) => { if (ctl.enlarged) { e.preventDefault(); closeEnlarged(); } };
  dialog.addEventListener('close', onClose, { once: true });
  dialog.addEventListener('keydown', onKey, true);
  dialog.addEventListener('cancel', onCancel);
  ctl.dispose = () => {
    // toasts shown from here (an Undo) outlive the dialog
    const toasts = dialog.querySelector('#toasts');
    if (toasts) document.body.append(toasts);
    clearTimeout(ctl.timer);
    stopTicker();
    dialog.removeEventListener('close', onClose);
    dialog.removeEventListener('keydown', onKey, true);
    dialog.removeEventListener('cancel', onCancel);
    if (active === ctl) active = null;
  };

  async function refresh() {
    const seq = ++ctl.seq;
    try {
      const [detail, jobs] = await Promise.all([api.getReport(videoId), api.imageJobs(videoId).catch(() => ({ jobs: [] }))]);
      if (active !== ctl || seq !== ctl.seq) return; // closed, or a newer refresh is on its way
      const jobList = Array.isArray(jobs?.jobs) ? jobs.jobs : [];
      // an unchanged answer (the poll, an event about someone else's field) leaves the dialog alone,
      // so a click in progress is never lost to a re-render
      const same = ctl.loaded && !ctl.expect.length && !ctl.renderedBusy && JSON.stringify([detail, jobList]) === ctl.lastAnswer;
      ctl.lastAnswer = JSON.stringify([detail, jobList]);
      ctl.report = detail;
      ctl.loaded = true;
      ctl.jobs = jobList;
      for (const j of ctl.jobs) if (j && (j.state === 'queued' || j.state === 'running')) ctl.watched.add(j.id);
      // the newest job of a mode just regenerated is ours, even if it finished before we looked
      for (const mode of ctl.expect.splice(0)) {
        const mine = ctl.jobs.find((j) => j && j.mode === mode); // newest first
        if (mine) ctl.watched.add(mine.id);
      }
      if (!same) {
        onReport?.(detail);
        render();
      }
      schedulePoll();
    } catch (err) {
      if (active !== ctl) return;
      toast(err.message, 'error');
      render();
    }
  }
  ctl.refresh = refresh;

  // The event stream drives the dialog; a slow poll covers a stream that is reconnecting.
  function schedulePoll() {
    clearTimeout(ctl.timer);
    if (ctl.jobs.some((j) => isActive(j))) ctl.timer = setTimeout(refresh, 2000);
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

  function regenerate(mode, area) {
    if (ctl.sending) return; // one click, one request
    const prompt = (ctl.prompts[mode] || '').trim();
    if (!prompt) { toast('Write a prompt first.', 'error'); area.focus(); return; }
    ctl.sending = true;
    act(async () => {
      try {
        await api.setImagePrompt(videoId, prompt, mode);
        ctl.expect.push(mode);
      } finally {
        ctl.sending = false;
      }
    });
  }

  function promptBox(mode) {
    if (ctl.loaded && ctl.prompts[mode] === undefined) ctl.prompts[mode] = defaultPrompt(ctl.report, mode);
    const label = MODES.find(([m]) => m === mode)[1];
    const area = h('textarea', { id: `manage-prompt-${mode}`, rows: '4', 'aria-label': `${label} prompt`,
      placeholder: ctl.loaded ? `Describe the ${mode === 'ai1' ? 'themed' : 'freestyle'} image…` : 'Loading…',
      disabled: !ctl.loaded || undefined });
    area.value = ctl.prompts[mode] ?? '';
    area.addEventListener('input', () => { ctl.prompts[mode] = area.value; });
    const original = originalPrompt(ctl.report, mode);
    const lines = jobLines(ctl.jobs, mode, { watched: ctl.watched });
    const button = h('button', { type: 'button', class: 'button primary', disabled: !ctl.loaded || ctl.sending || undefined,
      dataset: { role: 'regenerate' } }, icon('refresh', { size: 16 }), h('span', { text: `Regenerate ${label}` }));
    button.addEventListener('click', () => regenerate(mode, area));
    return h('div', { class: 'manage-prompt' },
      area,
      h('div', { class: 'manage-row' },
        button,
        original ? h('button', { type: 'button', class: 'button', text: 'Use default prompt', dataset: { role: 'default-prompt' },
          title: 'Restore the first prompt this image had', onclick: () => { ctl.prompts[mode] = original; render(); } }) : null),
      lines.length ? h('div', { class: 'job-lines' }, lines.map((line) => jobLine(line, { busy: ctl.busy,
        onRetry: (job) => act(async () => { await api.retryImageJob(job.id); ctl.watched.add(job.id); }, 'Queued again') }))) : null);
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
    const n = variantsOf(ctl.report, 'ai1').length + variantsOf(ctl.report, 'ai2').length;
    if (!ctl.confirmAll) {
      return h('button', { type: 'button', class: 'button danger', disabled: n === 0 || undefined, dataset: { role: 'delete-all' },
        onclick: () => { ctl.confirmAll = true; render(); dialog.querySelector('[data-role="confirm-delete-all"]')?.focus(); } },
      icon('trash', { size: 16 }), h('span', { text: 'Delete all AI images…' }));
    }
    return h('div', { class: 'confirm', role: 'alertdialog', 'aria-label': 'Confirm deleting all AI images' },
      h('p', { text: `Delete all ${n} AI ${n === 1 ? 'image' : 'images'} of this card? You can restore them from “Deleted” for a while.` }),
      h('div', { class: 'manage-row' },
        h('button', { type: 'button', class: 'button', text: 'Cancel', onclick: () => { ctl.confirmAll = false; render(); } }),
        h('button', { type: 'button', class: 'button primary danger-fill', text: `Delete ${n} ${n === 1 ? 'image' : 'images'}`,
          dataset: { role: 'confirm-delete-all' },
          onclick: () => { ctl.confirmAll = false; act(() => api.deleteAllAiImages(videoId, ['ai1', 'ai2']), 'All AI images deleted'); } })));
  }

  ctl.enlarge = (variant, from) => { ctl.enlarged = { variant, from: focusKey(from) }; render(); dialog.querySelector('[data-role="close-enlarged"]')?.focus(); };
  function closeEnlarged() {
    const from = ctl.enlarged?.from;
    ctl.enlarged = null;
    render();
    if (from) findByKey(dialog, from)?.focus();
  }

  function render() {
    if (active !== ctl) return;
    ctl.renderedBusy = ctl.busy || ctl.sending; // drawn with disabled buttons: the next answer must redraw
    // Rebuilt on every change: keep the reader's place (scroll, focus, caret) across it.
    const scroller = dialog.querySelector('.manage-body');
    const scrollTop = scroller ? scroller.scrollTop : 0;
    const focused = document.activeElement && dialog.contains(document.activeElement) ? document.activeElement : null;
    const key = focused ? focusKey(focused) : null;
    const caret = focused instanceof HTMLTextAreaElement ? [focused.selectionStart, focused.selectionEnd] : null;
    // everything but the toasts, which live in the open dialog so that they stay above it
    for (const node of Array.from(dialog.childNodes)) if (node.id !== 'toasts') node.remove();
    const tabs = MODES.map(([mode, label]) => h('button', { type: 'button', role: 'tab', class: 'tab', id: `manage-tab-${mode}`,
      'aria-selected': String(ctl.mode === mode), 'aria-controls': 'manage-panel', tabindex: ctl.mode === mode ? '0' : '-1', text: label,
      onclick: () => { ctl.mode = mode; render(); dialog.querySelector(`#manage-tab-${mode}`)?.focus(); },
      onkeydown: (e) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
        ctl.mode = ctl.mode === 'ai1' ? 'ai2' : 'ai1';
        render();
        dialog.querySelector(`#manage-tab-${ctl.mode}`)?.focus();
      } }));
    const body = h('div', { class: 'manage-body' },
      h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Image kind' }, tabs),
      h('div', { class: 'manage-panel', id: 'manage-panel', role: 'tabpanel', 'aria-labelledby': `manage-tab-${ctl.mode}` },
        promptBox(ctl.mode),
        renderVariants(ctl, ctl.mode, { api, toast, render })),
      h('div', { class: 'manage-foot' }, displayModeRow(), deleteAll()));
    dialog.prepend(
      h('div', { class: 'sheet-head' },
        h('div', { class: 'manage-title' }, h('h2', { id: 'manage-title', text: 'Manage images' }), h('p', { text: title })),
        h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close manage images', onclick: () => dialog.close() }, icon('x'))),
      body,
      ...(ctl.enlarged ? [lightbox(ctl.enlarged.variant, closeEnlarged)] : []));
    // "Show more" only where the preview really is clipped
    for (const p of body.querySelectorAll('.variant-prompt:not(.is-expanded)')) {
      const clamped = p.getBoundingClientRect().height;
      p.classList.add('is-expanded');
      const full = p.getBoundingClientRect().height;
      p.classList.remove('is-expanded');
      if (full <= clamped + 1) p.parentElement.querySelector('[data-role="expand-prompt"]')?.remove();
    }
    body.scrollTop = scrollTop;
    const again = key && !ctl.enlarged ? findByKey(dialog, key) : null;
    if (again) {
      again.focus({ preventScroll: true });
      if (caret && again instanceof HTMLTextAreaElement) again.setSelectionRange(caret[0], caret[1]);
    }
  }

  render();
  if (!dialog.open) dialog.showModal();
  refresh();
}

/** Keeps Tab and Shift+Tab cycling inside the dialog (a modal dialog alone lets focus leave to the browser). */
function trapFocus(dialog, e) {
  const all = Array.from(dialog.querySelectorAll('button, input, textarea, select, a[href], [tabindex]:not([tabindex="-1"])'))
    .filter((el) => !el.disabled && el.getClientRects().length > 0 && !el.closest('[hidden]'));
  const scope = dialog.querySelector('[data-role="lightbox"]') ? all.filter((el) => el.closest('[data-role="lightbox"]')) : all;
  if (scope.length === 0) return;
  const first = scope[0];
  const last = scope[scope.length - 1];
  const inside = scope.includes(document.activeElement);
  if (e.shiftKey && (document.activeElement === first || !inside)) { e.preventDefault(); last.focus(); }
  else if (!e.shiftKey && (document.activeElement === last || !inside)) { e.preventDefault(); first.focus(); }
}

/** A name for a control that survives a re-render: its id, or its row and its role or label. */
function focusKey(el) {
  if (!el) return null;
  if (el.id) return `#${el.id}`;
  const row = el.closest('[data-url]')?.dataset.url || '';
  return `${row}|${el.dataset.role || el.getAttribute('aria-label') || el.textContent.trim()}`;
}

function findByKey(root, key) {
  if (key.startsWith('#')) return root.querySelector(`#${CSS.escape(key.slice(1))}`);
  return Array.from(root.querySelectorAll('button, input, textarea, a[href]')).find((el) => focusKey(el) === key) || null;
}

/** Live events: refresh the open dialog when its report changes. */
export function onManageEvent(name, data) {
  if (active && data?.video_id === active.videoId && !active.busy) active.refresh();
}

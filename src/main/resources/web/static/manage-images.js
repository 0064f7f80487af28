// Manage Images (admin), the controller: it holds the dialog's one state (manage-state.js), performs
// what the user's actions ask for (API calls, the poll, the live events, focus) and draws the state
// with the pure view (manage-view.js) after each change.

import * as S from './manage-state.js';
import { view } from './manage-view.js';
import { isActive } from './image-variants.js';
import { startElapsedTicker } from './manage-jobs.js';

let active = null; // the one open dialog's controller: { videoId, isBusy(), refresh(), dispose() }

export function openManageImages({ dialog, api, report, toast, onReport }) {
  active?.dispose();
  let state = S.opened(report);
  let seq = 0; // the latest refresh; an older answer arriving late is dropped
  let timer = null;
  const ctl = { videoId: state.videoId, isBusy: () => state.busy, refresh, dispose };
  active = ctl;

  const stopTicker = startElapsedTicker(dialog);
  const onClose = () => dispose();
  // Esc closes the enlarged image first, then the dialog.
  const onKey = (e) => {
    if (e.key === 'Tab') trapFocus(dialog, e);
    if (e.key !== 'Escape' || !state.enlarged) return;
    e.preventDefault();
    e.stopPropagation();
    closeEnlarged();
  };
  const onCancel = (e) => { if (state.enlarged) { e.preventDefault(); closeEnlarged(); } };
  dialog.addEventListener('close', onClose, { once: true });
  dialog.addEventListener('keydown', onKey, true);
  dialog.addEventListener('cancel', onCancel);
  function dispose() {
    // toasts shown from here (an Undo) outlive the dialog
    const toasts = dialog.querySelector('#toasts');
    if (toasts) document.body.append(toasts);
    clearTimeout(timer);
    stopTicker();
    dialog.removeEventListener('close', onClose);
    dialog.removeEventListener('keydown', onKey, true);
    dialog.removeEventListener('cancel', onCancel);
    if (active === ctl) active = null;
  }

  /** A change the user sees: the next state, drawn. */
  const update = (next) => { state = next; render(); };

  async function refresh() {
    const mine = ++seq;
    try {
      const [detail, jobs] = await Promise.all([api.getReport(state.videoId), api.imageJobs(state.videoId).catch(() => ({ jobs: [] }))]);
      if (active !== ctl || mine !== seq) return; // closed, or a newer refresh is on its way
      const jobList = Array.isArray(jobs?.jobs) ? jobs.jobs : [];
      const news = S.isNews(state, detail, jobList);
      state = S.loaded(state, detail, jobList);
      if (news) {
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

  // The event stream drives the dialog; a slow poll covers a stream that is reconnecting.
  function schedulePoll() {
    clearTimeout(timer);
    if (state.jobs.some((j) => isActive(j))) timer = setTimeout(refresh, 2000);
  }

  /** A write: its buttons are disabled while it runs, then the dialog is reloaded whatever its outcome. */
  async function act(fn, okMessage) {
    update(S.writeStarted(state));
    try {
      await fn();
      if (okMessage) toast(okMessage);
    } catch (err) {
      toast(err.message, 'error');
    } finally {
      state = S.writeEnded(state);
    }
    await refresh();
  }

  function regenerate(mode) {
    if (state.sending) return; // one click, one request
    const prompt = S.promptToSend(state, mode);
    if (!prompt) { toast('Write a prompt first.', 'error'); dialog.querySelector(`#manage-prompt-${mode}`)?.focus(); return; }
    state = S.sendStarted(state);
    act(async () => {
      try {
        await api.setImagePrompt(state.videoId, prompt, mode);
        state = S.regenerateSent(state, mode);
      } finally {
        state = S.sendEnded(state);
      }
    });
  }

  const focus = (css) => dialog.querySelector(css)?.focus();
  const videoId = state.videoId;
  const restore = (url) => act(() => api.restoreImageVariant(videoId, url), 'Image restored');
  const variantHandlers = (mode) => ({
    toggleDeleted: () => update(S.viewToggled(state, mode)),
    compare: (url, on) => update(S.compareTicked(state, mode, url, on)),
    closeCompare: () => update(S.compareClosed(state, mode)),
    expand: (url) => update(S.promptExpanded(state, mode, url)),
    enlarge: (variant, from) => { update(S.enlarged(state, variant, focusKey(from))); focus('[data-role="close-enlarged"]'); },
    select: (url) => act(() => api.selectImageVariant(videoId, url, mode)),
    restore,
    usePrompt: (prompt) => { update(S.promptEdited(state, mode, prompt)); document.getElementById(`manage-prompt-${mode}`)?.focus(); },
    star: (url, starred) => act(() => api.starImageVariant(videoId, url, starred)),
    remove: (url) => act(async () => {
      await api.deleteImageVariant(videoId, url);
      toast('Image deleted', 'info', { actionLabel: 'Undo', action: () => restore(url) });
    }),
  });
  const handlers = {
    close: () => dialog.close(),
    tab: (mode) => { update(S.tabChosen(state, mode)); focus(`#manage-tab-${mode}`); },
    tabStep: () => { update(S.tabStepped(state)); focus(`#manage-tab-${state.mode}`); },
    // typing changes only the box, which already shows it: no redraw
    promptInput: (mode, text) => { state = S.promptEdited(state, mode, text); },
    usePrompt: (mode, text) => update(S.promptEdited(state, mode, text)),
    regenerate,
    retry: (job) => act(async () => { await api.retryImageJob(job.id); state = S.jobRetried(state, job.id); }, 'Queued again'),
    displayMode: (value) => act(() => api.setImageDisplayMode(videoId, value)),
    askDeleteAll: () => { update(S.deleteAllAsked(state)); focus('[data-role="confirm-delete-all"]'); },
    cancelDeleteAll: () => update(S.deleteAllSettled(state)),
    confirmDeleteAll: () => { state = S.deleteAllSettled(state); act(() => api.deleteAllAiImages(videoId, ['ai1', 'ai2']), 'All AI images deleted'); },
    closeEnlarged,
    variants: variantHandlers,
  };

  function closeEnlarged() {
    const from = state.enlarged?.from;
    update(S.enlargeClosed(state));
    if (from) findByKey(dialog, from)?.focus();
  }

  function render() {
    if (active !== ctl) return;
    state = S.drawn(state);
    // Rebuilt on every change: keep the reader's place (scroll, focus, caret) across it.
    const scroller = dialog.querySelector('.manage-body');
    const scrollTop = scroller ? scroller.scrollTop : 0;
    const focused = document.activeElement && dialog.contains(document.activeElement) ? document.activeElement : null;
    const key = focused ? focusKey(focused) : null;
    const caret = focused instanceof HTMLTextAreaElement ? [focused.selectionStart, focused.selectionEnd] : null;
    // everything but the toasts, which live in the open dialog so that they stay above it
    for (const node of Array.from(dialog.childNodes)) if (node.id !== 'toasts') node.remove();
    const nodes = view(state, handlers);
    dialog.prepend(...nodes);
    const body = dialog.querySelector('.manage-body');
    // "Show more" only where the preview really is clipped
    for (const p of body.querySelectorAll('.variant-prompt:not(.is-expanded)')) {
      const clamped = p.getBoundingClientRect().height;
      p.classList.add('is-expanded');
      const full = p.getBoundingClientRect().height;
      p.classList.remove('is-expanded');
      if (full <= clamped + 1) p.parentElement.querySelector('[data-role="expand-prompt"]')?.remove();
    }
    body.scrollTop = scrollTop;
    const again = key && !state.enlarged ? findByKey(dialog, key) : null;
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
  if (active && data?.video_id === active.videoId && !active.isBusy()) active.refresh();
}

// The Manage Images dialog drawn from its state (manage-state.js): A1 (themed) / AI2 (freestyle) tabs,
// the prompt with its live job lines (manage-jobs.js), the variants list (manage-variants.js), the
// card's preferred image, "Delete all AI images…". Pure view: it reads the state, never writes it, and
// reports what the user did to its handlers; the controller (manage-images.js) decides what follows.

import { h } from './dom.js';
import { icon } from './icons.js';
import { originalPrompt, jobLines, variantsOf } from './image-variants.js';
import { renderVariants, lightbox } from './manage-variants.js';
import { jobLine } from './manage-jobs.js';

// 'ai1' is the API's name; people see A1, as in Settings.
const LABELS = { ai1: 'A1', ai2: 'AI2' };
const DISPLAY = [['', 'Global'], ['og', 'OG'], ['ai1', 'A1'], ['ai2', 'AI2']];

/**
 * @param state a ManageState
 * @param on {{ close(), tab(mode), tabStep(), promptInput(mode, text), regenerate(mode), usePrompt(mode, text),
 *   retry(job), displayMode(value|null), askDeleteAll(), cancelDeleteAll(), confirmDeleteAll(), closeEnlarged(),
 *   variants: (mode) => the handlers of renderVariants }}
 * @returns the dialog's children, in order (the toasts it may hold are not among them)
 */
export function view(state, on) {
  const { mode } = state;
  const tabs = Object.entries(LABELS).map(([m, label]) => h('button', { type: 'button', role: 'tab', class: 'tab', id: `manage-tab-${m}`,
    'aria-selected': String(mode === m), 'aria-controls': 'manage-panel', tabindex: mode === m ? '0' : '-1', text: label,
    onclick: () => on.tab(m),
    onkeydown: (e) => { if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') on.tabStep(); } }));
  const body = h('div', { class: 'manage-body' },
    h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Image kind' }, tabs),
    h('div', { class: 'manage-panel', id: 'manage-panel', role: 'tabpanel', 'aria-labelledby': `manage-tab-${mode}` },
      promptBox(state, on),
      renderVariants({ report: state.report, mode, view: state.views[mode], busy: state.busy }, on.variants(mode))),
    h('div', { class: 'manage-foot' }, displayModeRow(state, on), deleteAll(state, on)));
  return [
    h('div', { class: 'sheet-head' },
      h('div', { class: 'manage-title' }, h('h2', { id: 'manage-title', text: 'Manage images' }), h('p', { text: state.title })),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close manage images', onclick: () => on.close() }, icon('x'))),
    body,
    ...(state.enlarged ? [lightbox(state.enlarged.variant, () => on.closeEnlarged())] : []),
  ];
}

function promptBox(state, on) {
  const { mode, loaded, report } = state;
  const label = LABELS[mode];
  const area = h('textarea', { id: `manage-prompt-${mode}`, rows: '4', 'aria-label': `${label} prompt`,
    placeholder: loaded ? `Describe the ${mode === 'ai1' ? 'themed' : 'freestyle'} image…` : 'Loading…',
    disabled: !loaded || undefined });
  area.value = state.prompts[mode] ?? '';
  area.addEventListener('input', () => on.promptInput(mode, area.value));
  const original = originalPrompt(report, mode);
  const lines = jobLines(state.jobs, mode, { watched: state.watched });
  const button = h('button', { type: 'button', class: 'button primary', disabled: !loaded || state.sending || undefined,
    dataset: { role: 'regenerate' } }, icon('refresh', { size: 16 }), h('span', { text: `Regenerate ${label}` }));
  button.addEventListener('click', () => on.regenerate(mode));
  return h('div', { class: 'manage-prompt' },
    area,
    h('div', { class: 'manage-row' },
      button,
      original ? h('button', { type: 'button', class: 'button', text: 'Use default prompt', dataset: { role: 'default-prompt' },
        title: 'Restore the first prompt this image had', onclick: () => on.usePrompt(mode, original) }) : null),
    lines.length ? h('div', { class: 'job-lines' }, lines.map((line) => jobLine(line, { busy: state.busy, onRetry: (job) => on.retry(job) }))) : null);
}

function displayModeRow(state, on) {
  const current = state.report.analysis?.summary_image_display_mode || '';
  return h('div', { class: 'manage-display' },
    h('span', { class: 'manage-label', id: 'display-mode-label', text: 'This card prefers' }),
    h('div', { class: 'segmented small', role: 'radiogroup', 'aria-labelledby': 'display-mode-label' },
      DISPLAY.map(([value, label]) => h('button', { type: 'button', role: 'radio', class: 'segment', text: label,
        'aria-checked': String(value === current), title: value ? `Shown in Default mode: ${label}` : 'Follow the global mode',
        onclick: () => on.displayMode(value || null) }))));
}

function deleteAll(state, on) {
  const n = variantsOf(state.report, 'ai1').length + variantsOf(state.report, 'ai2').length;
  if (!state.confirmAll) {
    return h('button', { type: 'button', class: 'button danger', disabled: n === 0 || undefined, dataset: { role: 'delete-all' },
      onclick: () => on.askDeleteAll() },
    icon('trash', { size: 16 }), h('span', { text: 'Delete all AI images…' }));
  }
  return h('div', { class: 'confirm', role: 'alertdialog', 'aria-label': 'Confirm deleting all AI images' },
    h('p', { text: `Delete all ${n} AI ${n === 1 ? 'image' : 'images'} of this card? You can restore them from “Deleted” for a while.` }),
    h('div', { class: 'manage-row' },
      h('button', { type: 'button', class: 'button', text: 'Cancel', onclick: () => on.cancelDeleteAll() }),
      h('button', { type: 'button', class: 'button primary danger-fill', text: `Delete ${n} ${n === 1 ? 'image' : 'images'}`,
        dataset: { role: 'confirm-delete-all' }, onclick: () => on.confirmDeleteAll() })));
}

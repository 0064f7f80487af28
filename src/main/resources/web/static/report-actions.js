// Admin actions on one report, offered in the card menu and the reader: re-summarise it through
// the processing backend, or delete it (after a confirm that names it).

import { h } from './dom.js';
import { icon } from './icons.js';
import { labelFor } from './format.js';

const DEFAULT_TYPES = ['comprehensive', 'bullet-points', 'key-insights'];

const titleOf = (report) => (typeof report?.title === 'string' && report.title.trim()) || 'Untitled';
const idOf = (report) => String(report?.video_id ?? report?.id ?? '');

export function createReportActions({ api, toast, signedIn, onDeleted }) {
  let dialog = null;

  function sheet(label) {
    dialog?.remove();
    dialog = h('dialog', { class: 'sheet report-action', 'aria-labelledby': 'report-action-title', dataset: { role: label } });
    dialog.addEventListener('close', () => dialog?.remove());
    dialog.addEventListener('click', (e) => { if (e.target === dialog) dialog.close(); });
    document.body.append(dialog);
    return dialog;
  }

  function confirmDelete(report) {
    const d = sheet('delete-report');
    const status = h('p', { class: 'report-action-status', role: 'status' });
    const cancel = h('button', { type: 'button', class: 'button', text: 'Cancel', onclick: () => d.close() });
    const remove = h('button', { type: 'button', class: 'button danger', dataset: { role: 'confirm-delete' } },
      icon('trash', { size: 16 }), h('span', { text: 'Delete report' }));
    remove.addEventListener('click', async () => {
      remove.disabled = true;
      cancel.disabled = true;
      status.textContent = 'Deleting…';
      try {
        await api.request('DELETE', `/api/reports/${encodeURIComponent(idOf(report))}`);
        d.close();
        onDeleted(idOf(report));
        toast(`Deleted “${titleOf(report)}”.`, 'info');
      } catch (err) {
        status.textContent = err?.message || 'The report could not be deleted.';
        remove.disabled = false;
        cancel.disabled = false;
      }
    });
    d.append(h('h2', { id: 'report-action-title', text: `Delete “${titleOf(report)}”?` }),
      h('p', { text: 'The report, its summaries and the stored files only it uses are removed for good.' }),
      status, h('div', { class: 'report-action-buttons' }, cancel, remove));
    d.showModal();
    cancel.focus();
  }

  function regenerate(report) {
    const d = sheet('regenerate-summary');
    const own = (Array.isArray(report?.summary_variants) ? report.summary_variants : [])
      .map((v) => v?.summary_type || v?.variant).filter((t) => typeof t === 'string' && /^[a-z0-9][a-z0-9_-]*$/.test(t));
    const types = [...new Set([...own, ...DEFAULT_TYPES])].filter((t) => !t.startsWith('audio'));
    const boxes = types.map((t) => {
      const box = h('input', { type: 'checkbox', value: t, checked: own.includes(t) || (own.length === 0 && t === 'comprehensive') });
      return { t, box, el: h('label', { class: 'report-action-choice' }, box, h('span', { text: labelFor(t) })) };
    });
    const audio = h('input', { type: 'checkbox', dataset: { role: 'regenerate-audio' }, checked: !!report?.media?.has_audio });
    const status = h('p', { class: 'report-action-status', role: 'status', dataset: { role: 'regenerate-status' } });
    const cancel = h('button', { type: 'button', class: 'button', text: 'Close', onclick: () => d.close() });
    const send = h('button', { type: 'button', class: 'button primary', dataset: { role: 'send-regenerate' } },
      icon('refresh', { size: 16 }), h('span', { text: 'Regenerate' }));
    send.addEventListener('click', async () => {
      const summaryTypes = boxes.filter((b) => b.box.checked).map((b) => b.t);
      if (summaryTypes.length === 0 && !audio.checked) {
        status.dataset.state = 'error';
        status.textContent = 'Pick at least one summary type, or audio.';
        return;
      }
      send.disabled = true;
      status.dataset.state = 'pending';
      status.textContent = 'Sending the request…';
      try {
        await api.request('POST', '/api/reprocess', { video_id: idOf(report), summary_types: summaryTypes, regenerate_audio: audio.checked });
        status.dataset.state = 'done';
        status.textContent = 'Requested. The summary updates here by itself when the worker has re-processed it.';
      } catch (err) {
        status.dataset.state = 'error';
        status.textContent = err?.message || 'The request failed.';
      } finally {
        send.disabled = false;
      }
    });
    d.append(h('h2', { id: 'report-action-title', text: 'Regenerate summary' }), h('p', { text: titleOf(report) }),
      h('fieldset', { class: 'report-action-types' }, h('legend', { text: 'Summary types' }), boxes.map((b) => b.el)),
      h('label', { class: 'report-action-choice' }, audio, h('span', { text: 'Regenerate audio' })),
      status, h('div', { class: 'report-action-buttons' }, cancel, send));
    d.showModal();
    send.focus();
  }

  return {
    /** Entries for a card's menu (none unless signed in as admin). */
    menuItems(report) {
      if (!signedIn()) return [];
      return [
        { label: 'Regenerate summary…', icon: 'refresh', action: () => regenerate(report), role: 'regenerate-summary' },
        { label: 'Delete report…', icon: 'trash', action: () => confirmDelete(report), role: 'delete-report' },
      ];
    },
    /** The same actions as reader buttons. */
    buttons(report) {
      if (!signedIn() || !idOf(report)) return [];
      return [
        h('button', { type: 'button', class: 'button', dataset: { role: 'regenerate-summary' }, onclick: () => regenerate(report) },
          icon('refresh', { size: 16 }), h('span', { text: 'Regenerate summary…' })),
        h('button', { type: 'button', class: 'button', dataset: { role: 'delete-report' }, onclick: () => confirmDelete(report) },
          icon('trash', { size: 16 }), h('span', { text: 'Delete…' })),
      ];
    },
  };
}

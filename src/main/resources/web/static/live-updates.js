// Connects the event stream to the page: new reports as "N new, show", image changes in place.

import { EVENT_GROUPS } from './event-types.js';
import { createLive } from './live.js';
import { applyImageEvent } from './report-patch.js';
import { reportsQuery } from './url-state.js';

/**
 * reloadList: shows the list afresh, its cards and its facet counts (they change together);
 * onReport(change, id): a report was updated or deleted, for the open reader to follow.
 */
export function startLiveUpdates({ api, wall, getState, pill, statusEl, onImageEvent, reloadList, onReport }) {
  const fresh = new Set();
  const pending = new Map();

  function showPill() {
    const n = fresh.size;
    pill.hidden = n === 0;
    pill.textContent = n === 1 ? '1 new summary — show' : `${n} new summaries — show`;
  }
  pill.addEventListener('click', () => {
    fresh.clear();
    showPill();
    reloadList();
    window.scrollTo({ top: 0, behavior: 'smooth' });
  });

  /** Fetch the current row of one report (honouring the active filters when asked). */
  async function fetchRow(id, withFilters) {
    const base = withFilters ? getState() : { ...getState(), q: '', filters: {}, has_audio: null, date_from: '', date_to: '' };
    const query = `${reportsQuery(base, 1, 1)}&ids=${encodeURIComponent(id)}`;
    const data = await api.listReports(query);
    return data?.reports?.find((r) => (r.video_id ?? r.id) === id) || null;
  }

  function refresh(id) {
    clearTimeout(pending.get(id));
    pending.set(id, setTimeout(async () => {
      pending.delete(id);
      try {
        const row = await fetchRow(id, false);
        if (row) wall.update(row);
        else wall.remove(id);
      } catch { /* keep the locally patched card */ }
    }, 250));
  }

  function onImage(name, data) {
    const id = data.video_id;
    if (typeof id !== 'string') return;
    const row = wall.get(id);
    if (row) {
      const patched = applyImageEvent(row, name, data);
      if (patched) wall.update(patched);
      refresh(id);
    }
    onImageEvent?.(name, data);
  }

  const handlers = {
    async 'report-added'(data) {
      const id = data.video_id;
      if (typeof id !== 'string' || wall.has(id) || fresh.has(id)) return;
      try {
        if (await fetchRow(id, true)) { fresh.add(id); showPill(); }
      } catch { /* the next resync will show it */ }
    },
    'report-updated': (data) => { if (wall.has(data.video_id)) refresh(data.video_id); onReport?.('updated', data.video_id); },
    'report-deleted': (data) => { wall.remove(data.video_id); fresh.delete(data.video_id); showPill(); onReport?.('deleted', data.video_id); },
    resync: () => { fresh.clear(); showPill(); reloadList(); },
  };
  // Image changes patch the card; render progress only concerns an open image dialog.
  for (const name of EVENT_GROUPS.image) handlers[name] = (data) => onImage(name, data);
  for (const name of EVENT_GROUPS.render) handlers[name] = (data) => onImageEvent?.(name, data);

  const LABELS = { live: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…', offline: 'Offline' };
  const setStatus = (s) => {
    const state = !navigator.onLine ? 'offline' : s;
    statusEl.dataset.state = state;
    statusEl.textContent = LABELS[state];
    statusEl.title = state === 'live' ? 'Live updates are on' : state === 'offline' ? 'Offline — will reconnect by itself' : 'Connecting to live updates';
  };
  let last = 'connecting';
  const live = createLive({ handlers, onStatus: (s) => { last = s; setStatus(s); } });
  window.addEventListener('offline', () => setStatus('offline'));
  window.addEventListener('online', () => { setStatus(last); live.nudge(); });
  // Close the stream when the page goes away. Browsers allow six HTTP/1.1 connections per host;
  // streams of pages left behind (or kept in the back/forward cache) stay open until the server
  // next writes to them, and a few quick reloads then stall the next page load for a minute.
  window.addEventListener('pagehide', () => live.stop());
  window.addEventListener('pageshow', (e) => { if (e.persisted) live.start(); });
  live.start();
  return { resetNew: () => { fresh.clear(); showPill(); } };
}

// Live updates over Server-Sent Events (GET /api/report-events; README, API: Events).
// The browser's EventSource reconnects by itself and sends Last-Event-ID, so the server replays
// what we missed. When the stream is closed for good (a failed reconnect), we open a new one with
// backoff and ask the page to resync, because a fresh EventSource has no Last-Event-ID.

import { EVENTS } from './event-types.js';

const CLOSED = 2;

export function backoffDelay(attempt, random = Math.random) {
  const base = Math.min(30000, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * @param opts.handlers {Record<string, (data: object, event: {id: string}) => void>}
 * @param opts.onStatus {(status: 'connecting'|'live'|'reconnecting'|'offline') => void}
 */
export function createLive({ url = '/api/report-events', handlers = {}, onStatus = () => {},
  EventSourceImpl = globalThis.EventSource, schedule = (fn, ms) => setTimeout(fn, ms), random = Math.random } = {}) {
  let source = null;
  let attempt = 0;
  let wasOpen = false;
  let needsResync = false;
  let stopped = false;
  let timer = null;
  let lastEventId = null;

  function dispatch(name, event) {
    if (event.lastEventId) lastEventId = event.lastEventId;
    let data = {};
    try { data = event.data ? JSON.parse(event.data) : {}; } catch { return; }
    if (!data || typeof data !== 'object') return;
    try { handlers[name]?.(data, { id: event.lastEventId }); } catch (err) { console.error('live handler', name, err); }
  }

  function connect() {
    if (stopped || !EventSourceImpl) return;
    timer = null;
    onStatus(wasOpen ? 'reconnecting' : 'connecting');
    const es = new EventSourceImpl(url);
    source = es;
    es.onopen = () => {
      if (source !== es) return;
      attempt = 0;
      wasOpen = true;
      onStatus('live');
      if (needsResync) {
        needsResync = false;
        handlers.resync?.({ reason: 'reconnected' }, { id: null });
      }
    };
    es.onerror = () => {
      if (source !== es) return;
      if (es.readyState === CLOSED) {
        es.close();
        source = null;
        if (wasOpen) needsResync = true;
        onStatus('offline');
        timer = schedule(connect, backoffDelay(attempt++, random));
      } else {
        onStatus('reconnecting');
      }
    };
    for (const name of EVENTS) es.addEventListener(name, (e) => { if (source === es) dispatch(name, e); });
  }

  return {
    start() { stopped = false; if (!source && !timer) connect(); },
    // A stream stopped and started again (the page left and came back from the back/forward
    // cache) starts without Last-Event-ID, so the page must reload what it may have missed.
    stop() { stopped = true; if (source) needsResync = wasOpen; source?.close(); source = null; },
    /** Reconnect now (e.g. the browser came back online). */
    nudge() {
      if (stopped || (source && source.readyState !== CLOSED)) return;
      if (timer) clearTimeout(timer);
      connect();
    },
    lastEventId: () => lastEventId,
  };
}

import test from 'node:test';
import assert from 'node:assert/strict';
import { createLive, backoffDelay } from '../../main/resources/web/static/live.js';
import { EVENTS, EVENT_GROUPS } from '../../main/resources/web/static/event-types.js';

class FakeEventSource {
  static all = [];
  constructor(url) { this.url = url; this.readyState = 0; this.listeners = {}; FakeEventSource.all.push(this); }
  addEventListener(name, fn) { (this.listeners[name] ||= []).push(fn); }
  close() { this.readyState = 2; this.closed = true; }
  open() { this.readyState = 1; this.onopen?.(); }
  emit(name, data, id = '1') { for (const fn of this.listeners[name] || []) fn({ data: typeof data === 'string' ? data : JSON.stringify(data), lastEventId: id }); }
  fail(closed) { this.readyState = closed ? 2 : 0; this.onerror?.(); }
}

function setup(handlers = {}) {
  FakeEventSource.all = [];
  const statuses = [];
  const timers = [];
  const live = createLive({ handlers, onStatus: (s) => statuses.push(s), EventSourceImpl: FakeEventSource,
    schedule: (fn, ms) => { timers.push({ fn, ms }); return timers.length; }, random: () => 0.5 });
  return { live, statuses, timers };
}

test('named events reach their handlers with parsed data', () => {
  const got = [];
  const { live } = setup({ 'image-variant-selected': (d) => got.push(d), 'report-added': (d) => got.push(d) });
  live.start();
  const es = FakeEventSource.all[0];
  assert.equal(es.url, '/api/report-events');
  es.open();
  es.emit('image-variant-selected', { video_id: 'yt:1', mode: 'ai2', url: '/exports/images/x.png' }, '41');
  es.emit('report-added', 'not json');
  es.emit('report-added', { video_id: 'yt:2' }, '42');
  assert.deepEqual(got, [{ video_id: 'yt:1', mode: 'ai2', url: '/exports/images/x.png' }, { video_id: 'yt:2' }]);
  assert.equal(live.lastEventId(), '42');
  assert.ok(EVENTS.includes('image-display-mode-set'));
});

test('the stream listens for every event type of every group, once', () => {
  const { live } = setup();
  live.start();
  const heard = Object.keys(FakeEventSource.all[0].listeners).sort();
  assert.deepEqual(heard, Object.values(EVENT_GROUPS).flat().sort());
  assert.equal(new Set(EVENTS).size, EVENTS.length);
  assert.ok(EVENTS.includes('resync'));
});

test('a transient error shows reconnecting and lets the browser resume with Last-Event-ID (no resync)', () => {
  let resyncs = 0;
  const { live, statuses, timers } = setup({ resync: () => resyncs++ });
  live.start();
  const es = FakeEventSource.all[0];
  es.open();
  es.fail(false);
  es.open();
  assert.deepEqual(statuses, ['connecting', 'live', 'reconnecting', 'live']);
  assert.equal(FakeEventSource.all.length, 1);
  assert.equal(timers.length, 0);
  assert.equal(resyncs, 0);
});

test('a closed stream is reopened with backoff and the page is asked to resync', () => {
  let resyncs = 0;
  const { live, statuses, timers } = setup({ resync: () => resyncs++ });
  live.start();
  FakeEventSource.all[0].open();
  FakeEventSource.all[0].fail(true);
  assert.equal(statuses.at(-1), 'offline');
  assert.equal(timers.length, 1);
  assert.equal(timers[0].ms, 1000);
  timers[0].fn();
  const second = FakeEventSource.all[1];
  second.fail(true);
  assert.equal(timers[1].ms, 2000, 'backs off');
  timers[1].fn();
  FakeEventSource.all[2].open();
  assert.equal(resyncs, 1);
  assert.equal(statuses.at(-1), 'live');
  // events from an abandoned stream are ignored
  let late = 0;
  const { live: l2 } = setup({ 'report-added': () => late++ });
  l2.start();
  const old = FakeEventSource.all[0];
  old.open(); old.fail(true);
  old.emit('report-added', { video_id: 'x' });
  assert.equal(late, 0);
});

test('backoff grows to a cap', () => {
  assert.equal(backoffDelay(0, () => 0.5), 1000);
  assert.equal(backoffDelay(3, () => 0.5), 8000);
  assert.equal(backoffDelay(20, () => 0.5), 30000);
});

test('a stream stopped when the page is hidden and started again asks the page to resync', () => {
  let resyncs = 0;
  const { live } = setup({ resync: () => resyncs++ });
  live.start();
  FakeEventSource.all[0].open();
  live.stop();
  assert.equal(FakeEventSource.all[0].closed, true);
  live.start();
  assert.equal(FakeEventSource.all.length, 2);
  FakeEventSource.all[1].open();
  assert.equal(resyncs, 1);
});

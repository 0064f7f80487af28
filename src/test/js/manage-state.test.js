import test from 'node:test';
import assert from 'node:assert/strict';
import * as S from '../../main/resources/web/static/manage-state.js';

const row = { video_id: 'yt:1', title: 'Lighthouses', analysis: {} };
const variant = (url, mode, created, extra = {}) => ({ url, image_mode: mode, prompt: `prompt of ${url}`, created_at: created, ...extra });
const detail = {
  video_id: 'yt:1', title: 'Lighthouses', summary_image_url: '/exports/images/a2.png',
  analysis: {
    summary_image_prompt: 'wanted A1',
    summary_image_variants: [
      variant('/exports/images/a1.png', 'ai1', '2025-01-01T00:00:00Z'),
      variant('/exports/images/a2.png', 'ai1', '2025-01-02T00:00:00Z'),
      variant('/exports/images/b1.png', 'ai2', '2025-01-03T00:00:00Z'),
    ],
  },
};
const job = (id, mode, state) => ({ id, mode, state, created_at: `2025-01-0${id}T00:00:00Z` });

test('a dialog opens on the card row, not loaded, on the A1 tab, with nothing ticked', () => {
  const s = S.opened(row);
  assert.equal(s.videoId, 'yt:1');
  assert.equal(s.title, 'Lighthouses');
  assert.equal(s.loaded, false);
  assert.equal(s.mode, 'ai1');
  assert.deepEqual(s.prompts, {});
  assert.deepEqual(s.views.ai2, { deleted: false, compare: [], expanded: [] });
  assert.equal(S.opened({ id: 42, title: '' }).videoId, '42');
  assert.equal(S.opened({ id: 42, title: '' }).title, 'Untitled');
});

test('the first answer fills the shown tab\'s prompt from the report; the other tab waits until it is shown', () => {
  const s = S.loaded(S.opened(row), detail, []);
  assert.equal(s.loaded, true);
  assert.equal(s.report, detail);
  assert.equal(s.prompts.ai1, 'wanted A1');
  assert.equal(s.prompts.ai2, undefined);
  // the AI2 default is taken from the report as it is when the tab is first shown
  const later = S.loaded(s, { ...detail, analysis: { ...detail.analysis, summary_image_ai2_prompt: 'wanted AI2' } }, []);
  assert.equal(S.tabChosen(later, 'ai2').prompts.ai2, 'wanted AI2');
});

test('a prompt once filled or edited is never overwritten by a later answer', () => {
  let s = S.loaded(S.opened(row), detail, []);
  s = S.promptEdited(s, 'ai1', 'my own words');
  s = S.loaded(s, { ...detail, analysis: { ...detail.analysis, summary_image_prompt: 'someone else' } }, []);
  assert.equal(s.prompts.ai1, 'my own words');
});

test('no prompt is filled before the report is loaded, whichever tab is shown', () => {
  const s = S.tabChosen(S.opened({ ...row, analysis: { summary_image_ai2_prompt: 'row prompt' } }), 'ai2');
  assert.equal(s.prompts.ai2, undefined);
  assert.equal(S.loaded(s, detail, []).prompts.ai2, 'prompt of /exports/images/b1.png');
});

test('jobs seen queued or running are watched, and a regenerated mode\'s newest job is watched even when already done', () => {
  let s = S.loaded(S.opened(row), detail, [job(3, 'ai1', 'running'), job(2, 'ai2', 'queued'), job(1, 'ai2', 'done')]);
  assert.deepEqual([...s.watched].sort(), [2, 3]);
  s = S.regenerateSent(s, 'ai2');
  assert.deepEqual(s.expect, ['ai2']);
  s = S.loaded(s, detail, [job(5, 'ai2', 'done'), job(4, 'ai1', 'done')]);
  assert.ok(s.watched.has(5), 'the newest AI2 job is ours');
  assert.ok(!s.watched.has(4));
  assert.deepEqual(s.expect, []);
  assert.deepEqual(S.loaded(S.opened(row), detail, { not: 'a list' }).jobs, []);
});

test('an answer is news unless it repeats the last one with nothing awaited and nothing drawn disabled', () => {
  const first = S.opened(row);
  assert.ok(S.isNews(first, detail, []), 'the first answer');
  const s = S.drawn(S.loaded(first, detail, []));
  assert.ok(!S.isNews(s, structuredClone(detail), []), 'the same answer again');
  assert.ok(S.isNews(s, { ...detail, title: 'Renamed' }, []));
  assert.ok(S.isNews(s, detail, [job(1, 'ai1', 'queued')]));
  assert.ok(S.isNews(S.regenerateSent(s, 'ai1'), detail, []), 'a regenerate waits for its job');
  assert.ok(S.isNews(S.drawn(S.writeStarted(s)), detail, []), 'drawn with disabled buttons');
  assert.ok(S.isNews(S.drawn(S.sendStarted(s)), detail, []), 'drawn while sending');
  assert.ok(!S.isNews(S.writeStarted(s), detail, []), 'busy but not yet drawn so');
});

test('the arrows step between the two tabs', () => {
  const s = S.opened(row);
  assert.equal(S.tabStepped(s).mode, 'ai2');
  assert.equal(S.tabStepped(S.tabStepped(s)).mode, 'ai1');
});

test('the prompt to send is the trimmed box, or nothing', () => {
  const s = S.promptEdited(S.opened(row), 'ai1', '  a lighthouse \n');
  assert.equal(S.promptToSend(s, 'ai1'), 'a lighthouse');
  assert.equal(S.promptToSend(s, 'ai2'), '');
  assert.equal(S.promptToSend(S.promptEdited(s, 'ai2', '   '), 'ai2'), '');
});

test('compare ticks are per mode, are forgotten when switching to Deleted, and closing compare clears them', () => {
  let s = S.loaded(S.opened(row), detail, []);
  s = S.compareTicked(s, 'ai1', '/exports/images/a1.png', true);
  s = S.compareTicked(s, 'ai1', '/exports/images/a2.png', true);
  assert.deepEqual(s.views.ai1.compare, ['/exports/images/a1.png', '/exports/images/a2.png']);
  assert.deepEqual(s.views.ai2.compare, []);
  assert.deepEqual(S.compareTicked(s, 'ai1', '/exports/images/a1.png', false).views.ai1.compare, ['/exports/images/a2.png']);
  assert.deepEqual(S.compareClosed(s, 'ai1').views.ai1.compare, []);
  const deleted = S.viewToggled(s, 'ai1');
  assert.equal(deleted.views.ai1.deleted, true);
  assert.deepEqual(deleted.views.ai1.compare, []);
  assert.equal(S.viewToggled(deleted, 'ai1').views.ai1.deleted, false);
});

test('a ticked image that leaves the shown list is unticked by the next answer; the hidden tab keeps its ticks until shown', () => {
  let s = S.loaded(S.opened(row), detail, []);
  s = S.compareTicked(s, 'ai1', '/exports/images/a1.png', true);
  s = S.compareTicked(s, 'ai2', '/exports/images/b1.png', true);
  const gone = { ...detail, analysis: { ...detail.analysis, summary_image_variants: [detail.analysis.summary_image_variants[1]] } };
  s = S.loaded(s, gone, []);
  assert.deepEqual(s.views.ai1.compare, []);
  assert.deepEqual(s.views.ai2.compare, ['/exports/images/b1.png']);
  assert.deepEqual(S.tabChosen(s, 'ai2').views.ai2.compare, []);
});

test('"Show more" toggles one prompt at a time', () => {
  let s = S.promptExpanded(S.opened(row), 'ai1', 'u1');
  s = S.promptExpanded(s, 'ai1', 'u2');
  assert.deepEqual(s.views.ai1.expanded, ['u1', 'u2']);
  assert.deepEqual(S.promptExpanded(s, 'ai1', 'u1').views.ai1.expanded, ['u2']);
});

test('flags for writes, sends, the delete-all confirm, the enlarged image and retried jobs', () => {
  const s = S.opened(row);
  assert.equal(S.writeEnded(S.writeStarted(s)).busy, false);
  assert.equal(S.writeStarted(s).busy, true);
  assert.equal(S.sendStarted(s).sending, true);
  assert.equal(S.sendEnded(S.sendStarted(s)).sending, false);
  assert.equal(S.deleteAllAsked(s).confirmAll, true);
  assert.equal(S.deleteAllSettled(S.deleteAllAsked(s)).confirmAll, false);
  const big = S.enlarged(s, { url: 'u' }, '#x');
  assert.deepEqual(big.enlarged, { variant: { url: 'u' }, from: '#x' });
  assert.equal(S.enlargeClosed(big).enlarged, null);
  assert.ok(S.jobRetried(s, 9).watched.has(9));
  assert.equal(S.drawn(s).drawnBusy, false);
  assert.equal(S.drawn(S.sendStarted(s)).drawnBusy, true);
});

test('no transition changes the state it is given', () => {
  const base = S.compareTicked(S.promptExpanded(S.loaded(S.opened(row), detail, [job(1, 'ai1', 'running')]), 'ai1', 'u'), 'ai1', '/exports/images/a1.png', true);
  const snapshot = structuredClone(base);
  const steps = [
    (s) => S.loaded(s, detail, [job(2, 'ai1', 'queued')]), (s) => S.tabChosen(s, 'ai2'), S.tabStepped,
    (s) => S.promptEdited(s, 'ai1', 'x'), (s) => S.regenerateSent(s, 'ai1'), S.sendStarted, S.sendEnded, S.writeStarted, S.writeEnded,
    (s) => S.jobRetried(s, 7), S.deleteAllAsked, S.deleteAllSettled, (s) => S.enlarged(s, {}, null), S.enlargeClosed,
    (s) => S.viewToggled(s, 'ai1'), (s) => S.compareTicked(s, 'ai1', '/exports/images/a2.png', true), (s) => S.compareClosed(s, 'ai1'),
    (s) => S.promptExpanded(s, 'ai1', 'u'), S.drawn,
  ];
  for (const step of steps) {
    step(base);
    assert.deepEqual(base, snapshot, String(step));
  }
});

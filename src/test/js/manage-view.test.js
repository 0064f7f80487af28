import test from 'node:test';
import assert from 'node:assert/strict';
import { installFakeDom, findAll, byRole, byText } from './fake-dom.js';
import * as S from '../../main/resources/web/static/manage-state.js';

installFakeDom();
const { view } = await import('../../main/resources/web/static/manage-view.js');

const detail = {
  video_id: 'yt:1', title: 'Lighthouses', summary_image_url: '/exports/images/a2.png',
  analysis: {
    summary_image_prompt_original: 'the first A1 prompt',
    summary_image_display_mode: 'ai2',
    summary_image_variants: [
      { url: '/exports/images/a1.png', image_mode: 'ai1', prompt: 'a lighthouse at dusk', created_at: '2025-01-01T00:00:00Z', starred: true },
      { url: '/exports/images/a2.png', image_mode: 'ai1', prompt: 'a lighthouse in a storm', created_at: '2025-01-02T00:00:00Z' },
      { url: '/exports/images/a3.png', image_mode: 'ai1', prompt: 'gone', created_at: '2025-01-03T00:00:00Z', deleted_at: '2025-01-04T00:00:00Z' },
      { url: '/exports/images/b1.png', image_mode: 'ai2', prompt: 'ink and light', created_at: '2025-01-03T00:00:00Z' },
    ],
  },
};
const ready = S.loaded(S.opened({ video_id: 'yt:1', title: 'Lighthouses' }), detail, []);

/** Handlers that record every call as [name, ...args]; variants(mode) ones as ['variants.name', mode, ...args]. */
function recorder() {
  const calls = [];
  const rec = (prefix, extra = []) => new Proxy({}, { get: (_, name) => (...args) => { calls.push([prefix + String(name), ...extra, ...args]); } });
  const top = rec('');
  return { calls, on: new Proxy({}, { get: (_, name) => (name === 'variants' ? (mode) => rec('variants.', [mode]) : top[name]) }) };
}
const draw = (state) => { const r = recorder(); return { nodes: view(state, r.on), calls: r.calls }; };
const one = (list, what) => { assert.equal(list.length, 1, what); return list[0]; };

test('drawing reads the state and leaves it as it was', () => {
  for (const s of [ready, S.tabChosen(ready, 'ai2'), S.deleteAllAsked(ready), S.viewToggled(ready, 'ai1'),
    S.enlarged(ready, detail.analysis.summary_image_variants[0], null), S.opened({ id: 'x' }),
    { ...ready, mode: 'ai2' }]) { // loaded, with a tab whose prompt is not filled in: the view must not fill it
    const snapshot = structuredClone(s);
    draw(s);
    assert.deepEqual(s, snapshot);
  }
});

test('before the report is loaded the prompt box and Regenerate are disabled', () => {
  const { nodes } = draw(S.opened({ id: 'yt:1', title: 'Lighthouses' }));
  const area = one(findAll(nodes, (el) => el.tagName === 'TEXTAREA'), 'one prompt box');
  assert.ok(area.hasAttribute('disabled'));
  assert.equal(area.getAttribute('placeholder'), 'Loading…');
  assert.ok(one(byRole(nodes, 'regenerate')).hasAttribute('disabled'));
  assert.equal(one(byText(nodes, 'p', 'Lighthouses')).textContent, 'Lighthouses');
});

test('the shown tab is selected, its prompt is in the box, and the tabs report clicks and arrows', () => {
  const { nodes, calls } = draw(S.tabChosen(ready, 'ai2'));
  const tabs = findAll(nodes, (el) => el.getAttribute('role') === 'tab');
  assert.deepEqual(tabs.map((t) => [t.textContent, t.getAttribute('aria-selected'), t.getAttribute('tabindex')]),
    [['A1', 'false', '-1'], ['AI2', 'true', '0']]);
  const area = one(findAll(nodes, (el) => el.tagName === 'TEXTAREA'));
  assert.equal(area.getAttribute('id'), 'manage-prompt-ai2');
  assert.equal(area.value, 'ink and light');
  assert.ok(!area.hasAttribute('disabled'));
  tabs[0].fire('click');
  tabs[1].fire('keydown', { key: 'ArrowLeft' });
  tabs[1].fire('keydown', { key: 'Enter' });
  assert.deepEqual(calls, [['tab', 'ai1'], ['tabStep']]);
});

test('typing, Regenerate and "Use default prompt" are reported with their mode', () => {
  const { nodes, calls } = draw(ready);
  const area = one(findAll(nodes, (el) => el.tagName === 'TEXTAREA'));
  area.value = 'typed';
  area.fire('input');
  one(byRole(nodes, 'regenerate')).fire('click');
  one(byRole(nodes, 'default-prompt')).fire('click');
  assert.deepEqual(calls, [['promptInput', 'ai1', 'typed'], ['regenerate', 'ai1'], ['usePrompt', 'ai1', 'the first A1 prompt']]);
  assert.equal(one(byRole(nodes, 'regenerate')).textContent, 'Regenerate A1');
  // AI2 has no original prompt: no button to restore one
  assert.equal(byRole(draw(S.tabChosen(ready, 'ai2')).nodes, 'default-prompt').length, 0);
});

test('while a regenerate is sent its button is disabled; while a write runs the variant buttons are', () => {
  const sending = draw(S.sendStarted(ready)).nodes;
  assert.ok(one(byRole(sending, 'regenerate')).hasAttribute('disabled'));
  assert.ok(!one(byRole(sending, 'select-variant')).hasAttribute('disabled'));
  const busy = draw(S.writeStarted(ready)).nodes;
  assert.ok(!one(byRole(busy, 'regenerate')).hasAttribute('disabled'));
  for (const role of ['select-variant', 'star-variant', 'delete-variant']) {
    assert.ok(byRole(busy, role).every((b) => b.hasAttribute('disabled')), role);
    assert.ok(byRole(draw(ready).nodes, role).every((b) => !b.hasAttribute('disabled')), role);
  }
});

test('variants are listed newest first with the selected one marked and its actions reported with the url', () => {
  const { nodes, calls } = draw(ready);
  const rows = findAll(nodes, (el) => el.tagName === 'LI');
  assert.deepEqual(rows.map((li) => li.dataset.url), ['/exports/images/a2.png', '/exports/images/a1.png']);
  assert.ok(rows[0].className.includes('is-selected'));
  assert.equal(byRole(rows[0], 'select-variant').length, 0, 'the selected one cannot be selected again');
  assert.equal(one(byText(nodes, 'h3', 'Variants (2)')).tagName, 'H3');
  one(byRole(rows[1], 'select-variant')).fire('click');
  one(byRole(rows[1], 'star-variant')).fire('click');
  one(byRole(rows[0], 'star-variant')).fire('click');
  one(byRole(rows[1], 'use-prompt')).fire('click');
  one(byRole(rows[0], 'delete-variant')).fire('click');
  const box = one(byRole(rows[1], 'compare'));
  box.checked = true;
  box.fire('change');
  const enlarge = one(byRole(rows[0], 'enlarge'));
  enlarge.fire('click');
  assert.deepEqual(calls.slice(0, -1), [
    ['variants.select', 'ai1', '/exports/images/a1.png'],
    ['variants.star', 'ai1', '/exports/images/a1.png', false],
    ['variants.star', 'ai1', '/exports/images/a2.png', true],
    ['variants.usePrompt', 'ai1', 'a lighthouse at dusk'],
    ['variants.remove', 'ai1', '/exports/images/a2.png'],
    ['variants.compare', 'ai1', '/exports/images/a1.png', true],
  ]);
  const [name, mode, variant, button] = calls.at(-1);
  assert.deepEqual([name, mode, variant.url, button], ['variants.enlarge', 'ai1', '/exports/images/a2.png', enlarge]);
});

test('two ticked images are shown side by side and no third can be ticked', () => {
  let s = S.compareTicked(ready, 'ai1', '/exports/images/a1.png', true);
  assert.equal(findAll(draw(s).nodes, (el) => el.getAttribute('role') === 'region').length, 0, 'one is not a comparison');
  s = S.compareTicked(s, 'ai1', '/exports/images/a2.png', true);
  const { nodes, calls } = draw(s);
  const region = one(findAll(nodes, (el) => el.getAttribute('aria-label') === 'Compare two images'));
  assert.equal(findAll(region, (el) => el.tagName === 'FIGURE').length, 2);
  one(findAll(region, (el) => el.getAttribute('aria-label') === 'Close compare')).fire('click');
  assert.deepEqual(calls, [['variants.closeCompare', 'ai1']]);
  const three = S.loaded(S.opened({ id: 'yt:1' }), { ...detail, analysis: { ...detail.analysis, summary_image_variants: [
    ...detail.analysis.summary_image_variants, { url: '/exports/images/a4.png', image_mode: 'ai1', created_at: '2025-01-05T00:00:00Z' }] } }, []);
  const boxes = byRole(draw(S.compareTicked(S.compareTicked(three, 'ai1', '/exports/images/a1.png', true), 'ai1', '/exports/images/a2.png', true)).nodes, 'compare');
  assert.deepEqual(boxes.map((b) => [b.hasAttribute('checked'), b.hasAttribute('disabled')]), [[false, true], [true, false], [true, false]]);
});

test('the Deleted view lists deleted images with Restore, and a way back', () => {
  const { nodes, calls } = draw(S.viewToggled(ready, 'ai1'));
  assert.deepEqual(findAll(nodes, (el) => el.tagName === 'LI').map((li) => li.dataset.url), ['/exports/images/a3.png']);
  assert.equal(byRole(nodes, 'select-variant').length, 0);
  one(byRole(nodes, 'restore-variant')).fire('click');
  const back = one(byRole(nodes, 'toggle-deleted'));
  assert.equal(back.textContent, 'Back to variants');
  back.fire('click');
  assert.deepEqual(calls, [['variants.restore', 'ai1', '/exports/images/a3.png'], ['variants.toggleDeleted', 'ai1']]);
  assert.equal(one(byRole(draw(ready).nodes, 'toggle-deleted')).textContent, 'Deleted (1)');
  assert.equal(byRole(draw(S.tabChosen(ready, 'ai2')).nodes, 'toggle-deleted').length, 0, 'AI2 has nothing deleted');
});

test('Delete all names how many images go, and asks before it does', () => {
  const asking = draw(ready);
  one(byRole(asking.nodes, 'delete-all')).fire('click');
  assert.deepEqual(asking.calls, [['askDeleteAll']]);
  const { nodes, calls } = draw(S.deleteAllAsked(ready));
  assert.equal(byRole(nodes, 'delete-all').length, 0);
  assert.equal(one(findAll(nodes, (el) => el.getAttribute('role') === 'alertdialog')).childNodes[0].textContent,
    'Delete all 3 AI images of this card? You can restore them from “Deleted” for a while.');
  const confirm = one(byRole(nodes, 'confirm-delete-all'));
  assert.equal(confirm.textContent, 'Delete 3 images');
  one(byText(nodes, 'button', 'Cancel')).fire('click');
  confirm.fire('click');
  assert.deepEqual(calls, [['cancelDeleteAll'], ['confirmDeleteAll']]);
  const none = S.loaded(S.opened({ id: 'yt:1' }), { ...detail, analysis: {} }, []);
  assert.ok(one(byRole(draw(none).nodes, 'delete-all')).hasAttribute('disabled'));
});

test('the card\'s preferred image is the checked segment and a click reports it', () => {
  const { nodes, calls } = draw(ready);
  const segments = findAll(nodes, (el) => el.getAttribute('role') === 'radio');
  assert.deepEqual(segments.map((b) => [b.textContent, b.getAttribute('aria-checked')]),
    [['Global', 'false'], ['OG', 'false'], ['A1', 'false'], ['AI2', 'true']]);
  segments[0].fire('click');
  segments[1].fire('click');
  assert.deepEqual(calls, [['displayMode', null], ['displayMode', 'og']]);
});

test('job lines show the render state, and a failed job offers Retry', () => {
  const running = S.loaded(S.opened({ id: 'yt:1' }), detail, [{ id: 1, mode: 'ai1', state: 'running', started_at: new Date().toISOString() }]);
  const line = one(findAll(draw(running).nodes, (el) => el.dataset.jobState === 'running'));
  assert.ok(line.textContent.startsWith('Rendering…'));
  const failedJob = { id: 2, mode: 'ai1', state: 'failed', last_error: 'backend down' };
  const { nodes, calls } = draw(S.loaded(S.opened({ id: 'yt:1' }), detail, [failedJob]));
  assert.ok(one(findAll(nodes, (el) => el.dataset.jobState === 'failed')).textContent.includes('backend down'));
  one(byRole(nodes, 'retry-job')).fire('click');
  assert.deepEqual(calls, [['retry', failedJob]]);
  assert.equal(findAll(draw(ready).nodes, (el) => el.dataset.jobState).length, 0, 'no jobs, no lines');
});

test('an enlarged image is drawn over the dialog and its close button reports it', () => {
  assert.equal(byRole(draw(ready).nodes, 'lightbox').length, 0);
  const { nodes, calls } = draw(S.enlarged(ready, detail.analysis.summary_image_variants[1], null));
  const box = one(byRole(nodes, 'lightbox'));
  assert.equal(nodes.at(-1), box, 'the lightbox comes last, above the rest');
  assert.equal(one(findAll(box, (el) => el.tagName === 'IMG')).getAttribute('src'), '/exports/images/a2.png');
  one(byRole(box, 'close-enlarged')).fire('click');
  assert.deepEqual(calls, [['closeEnlarged']]);
});

import test from 'node:test';
import assert from 'node:assert/strict';
import {
  resolveImage, rotateList, stableHash, pickMode, loadModeSetting, saveModeSetting, ai2Url, effectiveMode,
} from '../../main/resources/web/static/image-modes.js';

const OG = 'https://i.ytimg.com/vi/abc/hqdefault.jpg';
const A1 = '/exports/images/a1.png';
const AI2_OLD = '/exports/images/ai2-old.png';
const AI2_NEW = '/exports/images/ai2-new.png';

function report(over = {}) {
  const { analysis, ...rest } = over;
  return {
    video_id: 'yt:abc', thumbnail_url: OG, summary_image_url: A1,
    analysis: {
      summary_image_ai2_url: AI2_OLD,
      summary_image_variants: [
        { id: 'v1', url: A1, image_mode: 'ai1', created_at: '2025-01-01T00:00:00Z' },
        { id: 'v2', url: AI2_OLD, image_mode: 'ai2', created_at: '2025-01-02T00:00:00Z' },
        { id: 'v3', url: AI2_NEW, image_mode: 'ai2', created_at: '2025-01-03T00:00:00Z' },
      ],
      ...analysis,
    },
    ...rest,
  };
}

const sources = (r, mode, c) => resolveImage(r, mode, c).chain.map((e) => `${e.source}:${e.url}`);

test('OG shows the thumbnail, then falls back to A1 and AI2', () => {
  assert.deepEqual(sources(report(), 'og'), [`og:${OG}`, `ai1:${A1}`, `ai2:${AI2_OLD}`]);
});

test('OG without a thumbnail shows A1, and AI2 when there is no A1 either', () => {
  assert.equal(resolveImage(report({ thumbnail_url: null }), 'og').chain[0].url, A1);
  assert.equal(resolveImage(report({ thumbnail_url: '', summary_image_url: null }), 'og').chain[0].url, AI2_OLD);
});

test('A1 shows summary_image_url, then AI2, then OG', () => {
  assert.deepEqual(sources(report(), 'a1'), [`ai1:${A1}`, `ai2:${AI2_OLD}`, `og:${OG}`]);
  const noA1 = report({ summary_image_url: null });
  assert.equal(resolveImage(noA1, 'a1').chain[0].source, 'ai2');
  const onlyOg = report({ summary_image_url: null, analysis: { summary_image_ai2_url: null, summary_image_variants: [] } });
  assert.deepEqual(sources(onlyOg, 'a1'), [`og:${OG}`]);
});

test('A1 falls back to analysis.summary_image_selected_url when the column is empty', () => {
  const r = report({ summary_image_url: null, analysis: { summary_image_selected_url: '/exports/images/sel.png' } });
  assert.equal(resolveImage(r, 'a1').chain[0].url, '/exports/images/sel.png');
});

test('AI2 shows the selected AI2 url, else the newest non-deleted AI2 variant', () => {
  assert.equal(resolveImage(report(), 'ai2').chain[0].url, AI2_OLD);
  const unselected = report({ analysis: { summary_image_ai2_url: null } });
  assert.equal(resolveImage(unselected, 'ai2').chain[0].url, AI2_NEW);
  const newestDeleted = report({ analysis: { summary_image_ai2_url: null, summary_image_variants: [
    { url: AI2_OLD, image_mode: 'ai2', created_at: '2025-01-02T00:00:00Z' },
    { url: AI2_NEW, image_mode: 'ai2', created_at: '2025-01-03T00:00:00Z', deleted_at: '2025-01-04T00:00:00Z' },
  ] } });
  assert.equal(ai2Url(newestDeleted), AI2_OLD);
});

test('AI2 without any AI2 image falls back to A1, then OG', () => {
  const none = report({ analysis: { summary_image_ai2_url: null, summary_image_variants: [] } });
  assert.deepEqual(sources(none, 'ai2'), [`ai1:${A1}`, `og:${OG}`]);
  assert.deepEqual(sources({ ...none, summary_image_url: null }, 'ai2'), [`og:${OG}`]);
});

test('a card with no image at all has an empty chain (the placeholder)', () => {
  const bare = { video_id: 'web:1', analysis: {} };
  for (const mode of ['og', 'a1', 'ai2', 'rotate', 'default']) assert.deepEqual(resolveImage(bare, mode).chain, []);
});

test('unsafe URLs are never candidates', () => {
  const r = { video_id: 'x', thumbnail_url: 'javascript:alert(1)', summary_image_url: '//evil.example/a.png',
    analysis: { summary_image_ai2_url: 'data:text/html,<script>', summary_image_variants: [] } };
  assert.deepEqual(resolveImage(r, 'og').chain, []);
});

test('Default follows each card\'s display mode, and behaves as OG without one', () => {
  assert.equal(resolveImage(report({ analysis: { summary_image_display_mode: 'ai1' } }), 'default').chain[0].source, 'ai1');
  assert.equal(resolveImage(report({ analysis: { summary_image_display_mode: 'ai2' } }), 'default').chain[0].source, 'ai2');
  assert.equal(resolveImage(report({ analysis: { summary_image_display_mode: 'og' } }), 'default').chain[0].source, 'og');
  assert.equal(resolveImage(report(), 'default').chain[0].source, 'og');
  assert.equal(effectiveMode(report({ analysis: { summary_image_display_mode: 'bogus' } }), 'default'), 'og');
});

test('the data attributes carry the A1 and AI2 urls whatever the mode', () => {
  const res = resolveImage(report(), 'og');
  assert.equal(res.ai1Url, A1);
  assert.equal(res.ai2Url, AI2_OLD);
});

test('Rotate lists OG, A1, then AI2 variants starred first, then newest first, without deleted ones', () => {
  const r = report({ analysis: { summary_image_variants: [
    { url: '/x/a.png', image_mode: 'ai2', created_at: '2025-01-01T00:00:00Z', starred: true },
    { url: '/x/b.png', image_mode: 'ai2', created_at: '2025-01-05T00:00:00Z' },
    { url: '/x/c.png', image_mode: 'ai2', created_at: '2025-01-03T00:00:00Z', starred: true },
    { url: '/x/d.png', image_mode: 'ai2', created_at: '2025-01-09T00:00:00Z', deleted_at: '2025-01-10T00:00:00Z' },
    { url: '/x/e.png', image_mode: 'ai1', created_at: '2025-01-09T00:00:00Z' },
  ] } });
  assert.deepEqual(rotateList(r).map((e) => e.url), [OG, A1, '/x/c.png', '/x/a.png', '/x/b.png']);
});

test('Rotate shows entry (counter + stableHash(video_id)) mod length, and advances with the counter', () => {
  const r = report();
  const list = rotateList(r).map((e) => e.url);
  assert.equal(list.length, 4); // OG, A1, AI2 new, AI2 old
  const h = stableHash('yt:abc');
  for (let counter = 0; counter < 6; counter++) {
    assert.equal(resolveImage(r, 'rotate', counter).chain[0].url, list[(counter + h) % list.length]);
  }
  assert.notEqual(resolveImage(r, 'rotate', 0).chain[0].url, resolveImage(r, 'rotate', 1).chain[0].url);
  // the fallback chain still contains every entry once
  assert.equal(new Set(resolveImage(r, 'rotate', 3).chain.map((e) => e.url)).size, 4);
});

test('Rotate is deterministic per id and differs between ids', () => {
  assert.equal(stableHash('yt:abc'), stableHash('yt:abc'));
  assert.notEqual(stableHash('yt:abc'), stableHash('yt:abd'));
  const ids = Array.from({ length: 20 }, (_, i) => `yt:${i}`);
  const firsts = new Set(ids.map((id) => resolveImage(report({ video_id: id }), 'rotate', 0).chain[0].url));
  assert.ok(firsts.size > 1, 'different cards start at different entries');
});

test('Rotate uses the selected AI2 url when a card has no AI2 variants', () => {
  const r = { video_id: 'a', analysis: { summary_image_ai2_url: '/x/only.png' } };
  assert.deepEqual(rotateList(r).map((e) => e.url), ['/x/only.png']);
});

test('picking Rotate again advances the counter; other modes keep it', () => {
  let s = { mode: 'og', rotateCounter: null };
  s = pickMode(s, 'rotate');
  assert.deepEqual(s, { mode: 'rotate', rotateCounter: 0 });
  s = pickMode(s, 'rotate');
  assert.deepEqual(s, { mode: 'rotate', rotateCounter: 1 });
  s = pickMode(s, 'a1');
  assert.deepEqual(s, { mode: 'a1', rotateCounter: 1 });
  s = pickMode(s, 'rotate');
  assert.deepEqual(s, { mode: 'rotate', rotateCounter: 2 });
  assert.equal(pickMode(s, 'nonsense').mode, 'og');
});

test('the mode setting survives a reload through storage', () => {
  const store = new Map();
  const storage = { getItem: (k) => (store.has(k) ? store.get(k) : null), setItem: (k, v) => store.set(k, String(v)) };
  assert.deepEqual(loadModeSetting(storage), { mode: 'og', rotateCounter: null });
  saveModeSetting(storage, { mode: 'rotate', rotateCounter: 7 });
  assert.deepEqual(loadModeSetting(storage), { mode: 'rotate', rotateCounter: 7 });
  store.set('ytv2.imageMode', 'evil');
  store.set('ytv2.rotateCounter', '-1');
  assert.deepEqual(loadModeSetting(storage), { mode: 'og', rotateCounter: null });
  const broken = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('denied'); } };
  assert.deepEqual(loadModeSetting(broken), { mode: 'og', rotateCounter: null });
  saveModeSetting(broken, { mode: 'a1', rotateCounter: 1 });
});

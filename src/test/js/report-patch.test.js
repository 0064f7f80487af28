import test from 'node:test';
import assert from 'node:assert/strict';
import { applyImageEvent } from '../../main/resources/web/static/report-patch.js';
import { resolveImage } from '../../main/resources/web/static/image-modes.js';

const base = () => ({
  video_id: 'yt:1', thumbnail_url: 'https://i.ytimg.com/x.jpg', summary_image_url: '/exports/images/a.png',
  analysis: { summary_image_ai2_url: '/exports/images/b.png', summary_image_variants: [
    { id: 'a', url: '/exports/images/a.png', image_mode: 'ai1', created_at: '2025-01-01T00:00:00Z' },
    { id: 'b', url: '/exports/images/b.png', image_mode: 'ai2', created_at: '2025-01-02T00:00:00Z' },
    { id: 'c', url: '/exports/images/c.png', image_mode: 'ai2', created_at: '2025-01-03T00:00:00Z' },
  ] },
});

test('a selected AI2 variant becomes the AI2 image without touching the original row', () => {
  const r = base();
  const next = applyImageEvent(r, 'image-variant-selected', { video_id: 'yt:1', mode: 'ai2', url: '/exports/images/c.png' });
  assert.equal(resolveImage(next, 'ai2').chain[0].url, '/exports/images/c.png');
  assert.equal(r.analysis.summary_image_ai2_url, '/exports/images/b.png');
});

test('an added A1 variant is appended and selected', () => {
  const next = applyImageEvent(base(), 'image-variant-added', { video_id: 'yt:1', mode: 'ai1', selected: true,
    variant: { id: 'd', url: '/exports/images/d.png', created_at: '2025-02-01T00:00:00Z' } });
  assert.equal(next.summary_image_url, '/exports/images/d.png');
  assert.equal(next.analysis.summary_image_selected_url, '/exports/images/d.png');
  assert.equal(next.analysis.summary_image_variants.length, 4);
  assert.equal(next.analysis.summary_image_variants[3].image_mode, 'ai1');
});

test('deleting the selected AI2 variant unselects it so AI2 falls back to the newest remaining', () => {
  const next = applyImageEvent(base(), 'image-variant-deleted', { video_id: 'yt:1', url: '/exports/images/b.png' });
  assert.ok(next.analysis.summary_image_variants[1].deleted_at);
  assert.equal(resolveImage(next, 'ai2').chain[0].url, '/exports/images/c.png');
  const restored = applyImageEvent(next, 'image-variant-restored', { video_id: 'yt:1', url: '/exports/images/b.png' });
  assert.equal(restored.analysis.summary_image_variants[1].deleted_at, null);
});

test('stars and display mode are applied; unknown events are not', () => {
  const starred = applyImageEvent(base(), 'image-variant-starred', { url: '/exports/images/b.png', starred: true });
  assert.equal(starred.analysis.summary_image_variants[1].starred, true);
  const mode = applyImageEvent(base(), 'image-display-mode-set', { mode: 'ai2' });
  assert.equal(resolveImage(mode, 'default').chain[0].source, 'ai2');
  assert.equal(applyImageEvent(base(), 'image-display-mode-set', { mode: null }).analysis.summary_image_display_mode, null);
  assert.equal(applyImageEvent(base(), 'image-images-purged', {}), null);
});

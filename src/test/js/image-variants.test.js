import test from 'node:test';
import assert from 'node:assert/strict';
import { variantsOf, defaultPrompt, originalPrompt, selectedUrl, jobLines, isActive, formatElapsed, queuePlace }
  from '../../main/resources/web/static/image-variants.js';

const r = {
  video_id: 'yt:1', summary_image_url: '/exports/images/a2.png',
  analysis: {
    summary_image_prompt_last_used: 'last used A1', summary_image_prompt_original: 'original A1',
    summary_image_ai2_prompt_original: 'original AI2', summary_image_ai2_url: '/exports/images/b1.png',
    summary_image_variants: [
      { url: '/exports/images/a1.png', image_mode: 'ai1', prompt: 'first A1', created_at: '2025-01-01T00:00:00Z' },
      { url: '/exports/images/a2.png', image_mode: 'ai1', prompt: 'second A1', created_at: '2025-01-05T00:00:00Z' },
      { url: '/exports/images/b1.png', image_mode: 'ai2', prompt: 'AI2 one', created_at: '2025-01-02T00:00:00Z' },
      { url: '/exports/images/b2.png', image_mode: 'ai2', prompt: 'AI2 gone', created_at: '2025-01-06T00:00:00Z', deleted_at: '2025-01-07T00:00:00Z' },
      { url: 'javascript:alert(1)', image_mode: 'ai2', created_at: '2025-01-08T00:00:00Z' },
    ],
  },
};

test('variants are listed per mode, newest first, with deleted ones apart and unsafe ones never', () => {
  assert.deepEqual(variantsOf(r, 'ai1').map((v) => v.url), ['/exports/images/a2.png', '/exports/images/a1.png']);
  assert.deepEqual(variantsOf(r, 'ai2').map((v) => v.url), ['/exports/images/b1.png']);
  assert.deepEqual(variantsOf(r, 'ai2', { deleted: true }).map((v) => v.url), ['/exports/images/b2.png']);
});

test('the A1 prompt defaults to the wanted prompt, then the last variant, then last_used', () => {
  assert.equal(defaultPrompt({ ...r, analysis: { ...r.analysis, summary_image_prompt: 'wanted' } }, 'ai1'), 'wanted');
  assert.equal(defaultPrompt(r, 'ai1'), 'second A1');
  assert.equal(defaultPrompt({ analysis: { summary_image_prompt_last_used: 'last used A1' } }, 'ai1'), 'last used A1');
});

test('the AI2 prompt defaults to the wanted prompt, then the last AI2 variant', () => {
  assert.equal(defaultPrompt({ ...r, analysis: { ...r.analysis, summary_image_ai2_prompt: 'wanted 2' } }, 'ai2'), 'wanted 2');
  assert.equal(defaultPrompt(r, 'ai2'), 'AI2 one');
  assert.equal(defaultPrompt({ analysis: {} }, 'ai2'), '');
});

test('default prompts and selection come from the right fields', () => {
  assert.equal(originalPrompt(r, 'ai1'), 'original A1');
  assert.equal(originalPrompt(r, 'ai2'), 'original AI2');
  assert.equal(selectedUrl(r, 'ai1'), '/exports/images/a2.png');
  assert.equal(selectedUrl(r, 'ai2'), '/exports/images/b1.png');
});

test('the job lines show the running job and the newer prompt queued after it', () => {
  const jobs = [
    { id: 3, mode: 'ai1', state: 'queued', attempts: 0, updated_at: '2025-01-02T00:00:05Z' },
    { id: 2, mode: 'ai1', state: 'running', updated_at: '2025-01-02T00:00:00Z', started_at: '2025-01-02T00:00:00Z' },
    { id: 1, mode: 'ai1', state: 'failed', last_error: 'backend down', updated_at: '2025-01-01T00:00:00Z' },
    { id: 4, mode: 'ai2', state: 'failed', last_error: 'timeout', updated_at: '2025-01-03T00:00:00Z' },
  ];
  const ai1 = jobLines(jobs, 'ai1');
  assert.deepEqual(ai1.map((l) => l.state), ['running', 'queued']);
  assert.match(ai1[1].label, /newer prompt/);
  assert.ok(ai1.every(isActive));
  assert.deepEqual(jobLines(jobs, 'ai2').map((l) => [l.state, l.error]), [['failed', 'timeout']]);
  assert.deepEqual(jobLines([], 'ai1'), []);
  assert.ok(!isActive(null));
});

test('a queued job alone waits for the renderer, or says it is trying again after a failed attempt', () => {
  assert.match(jobLines([{ id: 1, mode: 'ai1', state: 'queued', attempts: 0 }], 'ai1')[0].label, /waiting for the renderer/);
  const retrying = jobLines([{ id: 1, mode: 'ai1', state: 'queued', attempts: 1, last_error: 'sdapi: HTTP 500' }], 'ai1')[0];
  assert.match(retrying.label, /trying again/);
  assert.equal(retrying.error, 'sdapi: HTTP 500');
});

test('a done job is shown only when it was watched in this dialog; a failed one always', () => {
  const done = [{ id: 7, mode: 'ai2', state: 'done', updated_at: '2025-01-01T00:00:00Z' }];
  assert.deepEqual(jobLines(done, 'ai2'), []);
  assert.equal(jobLines(done, 'ai2', { watched: new Set([7]) })[0].state, 'done');
  const failedThenOld = [{ id: 9, mode: 'ai1', state: 'failed', updated_at: '2025-01-02T00:00:00Z' },
    { id: 8, mode: 'ai1', state: 'done', updated_at: '2025-01-01T00:00:00Z' }];
  assert.equal(jobLines(failedThenOld, 'ai1')[0].state, 'failed');
});

test('elapsed render time reads in seconds, then minutes', () => {
  assert.equal(formatElapsed(0), '0 s');
  assert.equal(formatElapsed(4999), '4 s');
  assert.equal(formatElapsed(65000), '1 min 05 s');
  assert.equal(formatElapsed(-5), '0 s');
});

test('a queued job says where it stands, with an estimate once there is one', () => {
  assert.equal(queuePlace({ queue_position: 1, queue_estimate_seconds: null }), 'Next in line');
  assert.equal(queuePlace({ queue_position: 3, queue_estimate_seconds: 9 }), '3rd in line · about 9 s');
  assert.equal(queuePlace({ queue_position: 12, queue_estimate_seconds: 75 }), '12th in line · about 1 min 15 s');
  assert.equal(queuePlace({ queue_position: 22 }), '22nd in line');
  assert.equal(queuePlace({ queue_position: 1204, queue_estimate_seconds: 0 }), '1,204th in line');
  assert.equal(queuePlace({}), '');
  assert.equal(queuePlace({ queue_position: 'x' }), '');
  assert.equal(queuePlace(null), '');
});

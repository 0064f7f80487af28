import test from 'node:test';
import assert from 'node:assert/strict';
import { clock, videoAt, transcriptText, hasTranscript } from '../../main/resources/web/static/transcript.js';

test('timestamps read like a player clock', () => {
  assert.equal(clock(0), '0:00');
  assert.equal(clock(61.9), '1:01');
  assert.equal(clock(3725), '1:02:05');
  assert.equal(clock(-3), '0:00');
});

test('a timestamp opens a YouTube video at that second, and nothing else', () => {
  assert.equal(videoAt({ content_source: 'youtube', video_id: 'yt:dQw4w9WgXcQ' }, 42.8), 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s');
  assert.equal(videoAt({ content_source: 'reddit', video_id: 'reddit:abc' }, 5), null);
  assert.equal(videoAt({ content_source: 'youtube', video_id: 'yt:"><script>' }, 5), null);
});

test('the text copied or downloaded holds every line with its time', () => {
  const r = { transcript_segments: [{ start: 0, text: 'Welcome aboard.' }, { start: 64, text: 'The lamp.' }] };
  assert.equal(transcriptText(r), '[0:00] Welcome aboard.\n[1:04] The lamp.');
  assert.equal(transcriptText({ transcript_text: '  Plain words.  ' }), 'Plain words.');
  assert.equal(hasTranscript({ transcript_segments: [], transcript_text: null }), false);
  assert.equal(hasTranscript({ transcript_text: 'x' }), true);
});

import test from 'node:test';
import assert from 'node:assert/strict';
import { safeUrl } from '../../main/resources/web/static/safe-url.js';

test('http(s) URLs and our own paths are allowed', () => {
  for (const ok of ['https://i.ytimg.com/vi/x/hq.jpg', 'http://example.com/a?b=c#d', '/exports/images/a.png', 'HTTPS://X.ORG/'])
    assert.equal(safeUrl(ok), ok);
  assert.equal(safeUrl('  /exports/a.mp3 '), '/exports/a.mp3');
});

test('script, data, protocol-relative and odd URLs are refused', () => {
  for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:image/svg+xml,<svg onload=alert(1)>',
    '//evil.example/x.png', '/\\evil.example', 'vbscript:x', 'exports/relative.png', 'https:/x', 'java\nscript:alert(1)',
    'https://ok.example/\u0000', '', null, undefined, 42, {}])
    assert.equal(safeUrl(bad), null, String(bad));
});

import test from 'node:test';
import assert from 'node:assert/strict';
import { createApi, ApiError } from '../../main/resources/web/static/api.js';

function fakeFetch(status, body) {
  const calls = [];
  const fn = async (url, init) => {
    calls.push({ url, init });
    return { ok: status >= 200 && status < 300, status, text: async () => (body === undefined ? '' : JSON.stringify(body)) };
  };
  fn.calls = calls;
  return fn;
}

test('reads are plain GETs with the same-origin cookie and no CSRF header', async () => {
  const f = fakeFetch(200, { reports: [], pagination: {} });
  const api = createApi(f);
  await api.listReports('q=x&page=1');
  assert.equal(f.calls[0].url, '/api/reports?q=x&page=1');
  assert.equal(f.calls[0].init.method, 'GET');
  assert.equal(f.calls[0].init.credentials, 'same-origin');
  assert.equal(f.calls[0].init.headers['X-YTV2-CSRF'], undefined);
  await api.getReport('yt:a/b');
  assert.equal(f.calls[1].url, '/api/reports/yt%3Aa%2Fb');
});

test('every write sends the CSRF header and a JSON body', async () => {
  const f = fakeFetch(200, { ok: true });
  const api = createApi(f);
  await api.selectImageVariant('yt:1', '/exports/images/a.png', 'ai2');
  await api.signOut();
  await api.retryImageJob(5);
  for (const call of f.calls) assert.equal(call.init.headers['X-YTV2-CSRF'], '1');
  assert.deepEqual(JSON.parse(f.calls[0].init.body), { video_id: 'yt:1', url: '/exports/images/a.png', mode: 'ai2' });
  assert.equal(f.calls[1].init.method, 'DELETE');
  assert.equal(f.calls[2].url, '/api/image-jobs/5/retry');
});

test('sign-in posts the token once and answers null on 204', async () => {
  const f = fakeFetch(204);
  const api = createApi(f);
  assert.equal(await api.signIn('s3cret'), null);
  assert.deepEqual(JSON.parse(f.calls[0].init.body), { token: 's3cret' });
});

test('API errors become ApiError with the server message', async () => {
  const api = createApi(fakeFetch(401, { error: 'unauthorized', message: 'Wrong token.' }));
  await assert.rejects(api.signIn('x'), (e) => e instanceof ApiError && e.status === 401 && e.code === 'unauthorized' && e.message === 'Wrong token.');
  const limited = createApi(fakeFetch(429));
  await assert.rejects(limited.signIn('x'), (e) => e.status === 429 && /Too many/.test(e.message));
  const down = createApi(async () => { throw new TypeError('fetch failed'); });
  await assert.rejects(down.getSession(), (e) => e.status === 0 && e.code === 'network');
});

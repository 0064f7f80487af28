import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseState, serializeState, reportsQuery, sameList } from '../../main/resources/web/static/url-state.js';
import { withMode, withLike, listRequest, asPage, rankingNote, backfillText } from '../../main/resources/web/static/semantic-state.js';

test('the search mode and "more like this" live in the URL; keyword is the default and left out', () => {
  assert.equal(parseState('').search, 'keyword');
  assert.equal(parseState('?search=bogus').search, 'keyword');
  const s = withLike(withMode(parseState('?q=bread'), 'hybrid'), 'yt:abc');
  assert.equal(serializeState(s), 'q=bread&search=hybrid&like=yt%3Aabc');
  assert.deepEqual(parseState(`?${serializeState(s)}`).like, 'yt:abc');
  assert.equal(serializeState(withMode(s, 'keyword')), 'q=bread&like=yt%3Aabc');
  assert.equal(sameList(parseState('?q=x'), parseState('?q=x&search=semantic')), false);
});

test('semantic and hybrid pages rank by meaning unless another sort was picked, and need search text', () => {
  const semantic = parseState('?q=bread&search=semantic');
  const req = listRequest(semantic, reportsQuery(semantic, 2, 24), 2, 24);
  assert.equal(req.related, false);
  const params = new URLSearchParams(req.path.split('?')[1]);
  assert.equal(params.get('search'), 'semantic');
  assert.equal(params.get('sort'), 'relevance', 'relevance, which these modes rank by meaning');
  assert.equal(params.get('page'), '2');
  const sorted = parseState('?q=bread&search=semantic&sort=title_asc');
  assert.equal(new URLSearchParams(listRequest(sorted, reportsQuery(sorted), 1, 24).path.split('?')[1]).get('sort'), 'title_asc');
  const noText = parseState('?search=semantic');
  assert.equal(new URLSearchParams(listRequest(noText, reportsQuery(noText), 1, 24).path.split('?')[1]).has('search'), false);
});

test('"more like this" asks for the related reports under the same filters, as one page', () => {
  const s = parseState('?like=yt:abc&source=reddit&q=ignored');
  const req = listRequest(s, reportsQuery(s), 1, 24);
  assert.equal(req.related, true);
  assert.match(req.path, /^\/api\/reports\/yt%3Aabc\/related\?/);
  const params = new URLSearchParams(req.path.split('?')[1]);
  assert.equal(params.get('source'), 'reddit');
  assert.equal(params.has('q'), false);
  const page = asPage({ reports: [{ video_id: 'a' }, { video_id: 'b' }] }, true);
  assert.deepEqual(page.pagination, { page: 1, size: 2, total: 2, pages: 1, has_next: false, has_prev: false });
});

test('notes say when a search fell back and what a backfill has done', () => {
  const s = parseState('?q=x&search=semantic');
  assert.equal(rankingNote({ search: { mode: 'semantic', requested: 'semantic', fallback: null } }, s), '');
  assert.match(rankingNote({ search: { mode: 'keyword', requested: 'semantic', fallback: 'no report has been embedded yet' } }, s),
    /Semantic search is unavailable \(no report has been embedded yet\); showing keyword matches/);
  assert.equal(backfillText({ backfilling: false, embedded: 3, reports: 9 }), '');
  assert.equal(backfillText({ backfilling: true, embedded: 120, reports: 400 }), 'Indexing 120 / 400');
});

import test from 'node:test';
import assert from 'node:assert/strict';
import {
  parseState, serializeState, emptyState, reportsQuery, filtersQuery, toggleFilter, withQuery, withSort,
  withReport, withHasAudio, activeChips, removeChip, clearFilters, sameList, effectiveSort, SORTS,
} from '../../main/resources/web/static/url-state.js';

test('an empty URL is the default view and serializes to nothing', () => {
  assert.deepEqual(parseState(''), emptyState());
  assert.equal(serializeState(emptyState()), '');
});

test('a full view round-trips through the URL', () => {
  let s = emptyState();
  s = withQuery(s, 'rust async');
  s = toggleFilter(s, 'source', 'youtube');
  s = toggleFilter(s, 'source', 'reddit');
  s = toggleFilter(s, 'category', 'Technology');
  s = toggleFilter(s, 'subcategory', 'Programming');
  s = toggleFilter(s, 'channel', 'Fireship & Co');
  s = toggleFilter(s, 'language', 'en');
  s = toggleFilter(s, 'content_type', 'tutorial');
  s = toggleFilter(s, 'summary_type', 'bullet-points');
  s = withHasAudio(s, true);
  s = withSort(s, 'duration_desc');
  s = withReport(s, 'yt:abc123');
  s = { ...s, date_from: '2024-01-01', date_to: '2024-12-31' };
  const query = serializeState(s);
  assert.deepEqual(parseState(query), s);
  assert.deepEqual(parseState('?' + query), s);
  assert.match(query, /source=youtube&source=reddit/);
  assert.match(query, /report=yt%3Aabc123/);
});

test('every API sort survives the URL; the default sort is left out', () => {
  const searching = withQuery(emptyState(), 'pasta');
  for (const [key] of SORTS) {
    const query = serializeState(withSort(withSort(searching, 'title_asc'), key));
    assert.equal(effectiveSort(parseState(query)), key, query);
  }
  assert.equal(serializeState(withSort(emptyState(), 'added_desc')), '');
  assert.equal(effectiveSort(parseState('sort=drop_table')), 'added_desc');
});

test('a search is ranked by relevance unless the user picked another order', () => {
  const searching = withQuery(emptyState(), 'pasta');
  assert.equal(effectiveSort(searching), 'relevance');
  assert.equal(serializeState(searching), 'q=pasta');
  assert.equal(new URLSearchParams(reportsQuery(searching)).get('sort'), 'relevance');
  assert.equal(new URLSearchParams(reportsQuery(emptyState())).get('sort'), 'added_desc');

  const newest = withSort(searching, 'added_desc');
  assert.equal(serializeState(newest), 'q=pasta&sort=added_desc');
  assert.equal(effectiveSort(parseState('q=pasta&sort=added_desc')), 'added_desc');
  assert.equal(effectiveSort(withQuery(newest, 'pizza')), 'added_desc', 'a new search keeps the picked order');

  const backToRelevance = withSort(newest, 'relevance');
  assert.equal(serializeState(backToRelevance), 'q=pasta&sort=relevance');
  assert.ok(!sameList(newest, backToRelevance));
  assert.ok(sameList(searching, backToRelevance), 'picked or by default, relevance is the same list');
});

test('relevance without a search is no order at all', () => {
  assert.equal(effectiveSort(parseState('sort=relevance')), 'added_desc');
  assert.equal(serializeState(parseState('sort=relevance')), '');
  const cleared = withQuery(withSort(withQuery(withSort(withQuery(emptyState(), 'pasta'), 'added_desc'), 'pasta'), 'relevance'), '');
  assert.equal(effectiveSort(cleared), 'added_desc');
  assert.equal(serializeState(cleared), '');
  assert.equal(serializeState(clearFilters(parseState('q=pasta&sort=relevance'))), '');
  assert.equal(serializeState(withSort(emptyState(), 'relevance')), '');
});

test('junk in the URL is ignored, not trusted', () => {
  const s = parseState('has_audio=maybe&date_from=yesterday&source=&source=web&source=web&q=%20%20hi%20');
  assert.equal(s.has_audio, null);
  assert.equal(s.date_from, '');
  assert.deepEqual(s.filters.source, ['web']);
  assert.equal(s.q, 'hi');
  assert.equal(parseState('has_audio=false').has_audio, false);
});

test('the API queries carry filters and paging but not the reader', () => {
  let s = toggleFilter(withReport(emptyState(), 'yt:1'), 'source', 'web');
  s = withReport(s, 'yt:1');
  const q = new URLSearchParams(reportsQuery(s, 3, 24));
  assert.deepEqual([...q.keys()], ['source', 'sort', 'page', 'size', 'fields']);
  assert.equal(q.get('fields'), 'card');
  assert.equal(q.get('page'), '3');
  assert.equal(filtersQuery(s), 'source=web');
});

test('changing a filter or the search closes the reader; sort does not', () => {
  const open = withReport(emptyState(), 'yt:1');
  assert.equal(toggleFilter(open, 'source', 'web').report, null);
  assert.equal(withQuery(open, 'x').report, null);
  assert.equal(withSort(open, 'title_asc').report, 'yt:1');
});

test('chips list every active filter and removing one leaves the others', () => {
  let s = withQuery(emptyState(), 'ai');
  s = toggleFilter(s, 'category', 'Science');
  s = withHasAudio(s, false);
  const chips = activeChips(s);
  assert.deepEqual(chips, [
    { facet: 'q', value: 'ai' }, { facet: 'category', value: 'Science' }, { facet: 'has_audio', value: false },
  ]);
  const without = removeChip(s, chips[1]);
  assert.deepEqual(without.filters.category, []);
  assert.equal(without.q, 'ai');
  assert.equal(removeChip(s, chips[2]).has_audio, null);
  assert.equal(removeChip(s, chips[0]).q, '');
});

test('clear all keeps the sort only', () => {
  const s = withSort(toggleFilter(withQuery(emptyState(), 'x'), 'source', 'web'), 'title_asc');
  const cleared = clearFilters(s);
  assert.equal(serializeState(cleared), 'sort=title_asc');
});

test('sameList ignores the reader and notices filters and sort', () => {
  const a = emptyState();
  assert.ok(sameList(a, withReport(a, 'yt:1')));
  assert.ok(!sameList(a, withSort(a, 'title_asc')));
  assert.ok(!sameList(a, toggleFilter(a, 'source', 'web')));
});

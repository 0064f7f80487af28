import test from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, describeDuration, formatDate, formatAge, sourceLabel, categoriesOf, labelFor, firstThatFits }
  from '../../main/resources/web/static/format.js';

test('durations read like a player clock', () => {
  assert.equal(formatDuration(59), '0:59');
  assert.equal(formatDuration(754), '12:34');
  assert.equal(formatDuration(3725), '1:02:05');
  assert.equal(formatDuration(0), '');
  assert.equal(formatDuration(null), '');
  assert.equal(describeDuration(754), '13 min');
  assert.equal(describeDuration(3725), '1 h 2 min');
});

test('dates drop the year when it is this year', () => {
  const now = new Date('2025-06-15T12:00:00Z');
  assert.equal(formatDate('2025-03-02T10:00:00Z', now), '2 Mar');
  assert.equal(formatDate('2023-11-20T10:00:00Z', now), '20 Nov 2023');
  assert.equal(formatDate('not a date', now), '');
  assert.equal(formatAge('2025-06-15T11:58:00Z', now), '2 min ago');
  assert.equal(formatAge('2025-06-13T12:00:00Z', now), '2 d ago');
});

test('labels and categories come from the row', () => {
  assert.equal(sourceLabel({ content_source: 'youtube' }), 'YouTube');
  assert.equal(sourceLabel({ source_label: 'Hacker News', content_source: 'web' }), 'Hacker News');
  assert.equal(labelFor('key_insights'), 'Key insights');
  assert.deepEqual(categoriesOf({ analysis: { category: ['Tech', 'Science'], categories: [{ category: 'Tech' }, 'Art'] } }),
    ['Tech', 'Science', 'Art']);
  assert.deepEqual(categoriesOf({}), []);
});

test('the longest text that fits is chosen, else the shortest offered', () => {
  const measure = (t) => t.length * 8;
  assert.equal(firstThatFits(['Search summaries', 'Search'], 200, measure), 'Search summaries');
  assert.equal(firstThatFits(['Search summaries', 'Search'], 100, measure), 'Search');
  assert.equal(firstThatFits(['Search summaries', 'Search'], 20, measure), 'Search');
});

// The Manage Images dialog's state and the pure transitions between its values. Only the dialog's
// controller (manage-images.js) holds a state; the view (manage-view.js) reads one and never writes it.
// Every transition answers a new state and leaves its argument as it was.

import { defaultPrompt, variantsOf } from './image-variants.js';

/**
 * @typedef {{ deleted: boolean, compare: string[], expanded: string[] }} VariantsView
 *   per mode: the "Deleted" list shown instead of the live one, the urls ticked for compare (at most
 *   two, in the order ticked), the urls whose prompt preview is expanded
 * @typedef {{
 *   videoId: string, title: string,
 *   report: object, loaded: boolean,
 *   mode: 'ai1'|'ai2',
 *   prompts: { ai1?: string, ai2?: string },
 *   jobs: object[], watched: Set<number>, expect: string[],
 *   views: { ai1: VariantsView, ai2: VariantsView },
 *   enlarged: null | { variant: object, from: string|null },
 *   busy: boolean, sending: boolean, confirmAll: boolean,
 *   lastAnswer: string|null, drawnBusy: boolean,
 * }} ManageState
 *   report: the card's row until the full report is loaded (loaded), then the latest answer;
 *   title: from the row the dialog was opened with (a title does not change under it);
 *   prompts: what each prompt box holds, undefined until that tab is first shown after loading;
 *   watched: ids of jobs seen queued or running while the dialog was open (a done job is news only then);
 *   expect: modes regenerated whose job the next answer names;
 *   busy: a write is in flight (write buttons are disabled); sending: a regenerate request is;
 *   lastAnswer: the last answer as JSON; drawnBusy: the last drawing had disabled buttons.
 */

const emptyView = () => ({ deleted: false, compare: [], expanded: [] });

/** @returns {ManageState} the dialog as it opens on a card's row, before the full report arrives. */
export function opened(report) {
  return {
    videoId: String(report.video_id ?? report.id),
    title: (typeof report.title === 'string' && report.title) || 'Untitled',
    report, loaded: false, mode: 'ai1', prompts: {},
    jobs: [], watched: new Set(), expect: [],
    views: { ai1: emptyView(), ai2: emptyView() },
    enlarged: null, busy: false, sending: false, confirmAll: false,
    lastAnswer: null, drawnBusy: false,
  };
}

const jobsOf = (jobs) => (Array.isArray(jobs) ? jobs : []);
const answerText = (detail, jobs) => JSON.stringify([detail, jobsOf(jobs)]);

/**
 * Whether an answer needs drawing. An unchanged one (the poll, an event about someone else's field)
 * leaves the dialog alone, so a click in progress is never lost to a re-render; but not while a
 * regenerate waits for its job, nor when the last drawing had disabled buttons.
 */
export function isNews(state, detail, jobs) {
  return !(state.loaded && !state.expect.length && !state.drawnBusy && answerText(detail, jobs) === state.lastAnswer);
}

/** The full report and its render jobs arrived. */
export function loaded(state, detail, jobs) {
  const list = jobsOf(jobs);
  const watched = new Set(state.watched);
  for (const j of list) if (j && (j.state === 'queued' || j.state === 'running')) watched.add(j.id);
  // the newest job of a mode just regenerated is ours, even if it finished before we looked
  for (const mode of state.expect) {
    const mine = list.find((j) => j && j.mode === mode); // newest first
    if (mine) watched.add(mine.id);
  }
  return shown({ ...state, report: detail, loaded: true, jobs: list, watched, expect: [], lastAnswer: answerText(detail, list) });
}

/**
 * What showing the current tab settles: its prompt box starts from the report's default the first time
 * it is shown loaded, and ticks for compare on images no longer in its list are dropped.
 */
function shown(state) {
  const { mode } = state;
  const prompts = state.loaded && state.prompts[mode] === undefined
    ? { ...state.prompts, [mode]: defaultPrompt(state.report, mode) } : state.prompts;
  const v = state.views[mode];
  const list = variantsOf(state.report, mode, { deleted: v.deleted });
  const compare = v.compare.filter((url) => list.some((x) => x.url === url));
  const views = compare.length === v.compare.length ? state.views : { ...state.views, [mode]: { ...v, compare } };
  return { ...state, prompts, views };
}

export const tabChosen = (state, mode) => shown({ ...state, mode });

/** Arrow keys on a tab: with two tabs, either arrow goes to the other one. */
export const tabStepped = (state) => tabChosen(state, state.mode === 'ai1' ? 'ai2' : 'ai1');

/** Typing, "Use default prompt", "Use this prompt". */
export const promptEdited = (state, mode, text) => ({ ...state, prompts: { ...state.prompts, [mode]: text } });

/** The prompt a regenerate of this mode would send, or '' when there is none. */
export const promptToSend = (state, mode) => (state.prompts[mode] || '').trim();

export const sendStarted = (state) => ({ ...state, sending: true });
/** The prompt was saved: the next answer's newest job of this mode is the one to watch. */
export const regenerateSent = (state, mode) => ({ ...state, expect: [...state.expect, mode] });
export const sendEnded = (state) => ({ ...state, sending: false });

export const writeStarted = (state) => ({ ...state, busy: true });
export const writeEnded = (state) => ({ ...state, busy: false });

/** A failed job was queued again: its outcome is news. */
export const jobRetried = (state, jobId) => ({ ...state, watched: new Set([...state.watched, jobId]) });

export const deleteAllAsked = (state) => ({ ...state, confirmAll: true });
export const deleteAllSettled = (state) => ({ ...state, confirmAll: false });

/** from: the focus key of the control that enlarged it, to return focus there. */
export const enlarged = (state, variant, from) => ({ ...state, enlarged: { variant, from } });
export const enlargeClosed = (state) => ({ ...state, enlarged: null });

const withView = (state, mode, change) => ({ ...state, views: { ...state.views, [mode]: { ...state.views[mode], ...change(state.views[mode]) } } });

/** Live variants or the deleted ones; switching forgets the compare ticks. */
export const viewToggled = (state, mode) => withView(state, mode, (v) => ({ deleted: !v.deleted, compare: [] }));

export const compareTicked = (state, mode, url, on) =>
  withView(state, mode, (v) => ({ compare: on ? [...v.compare, url] : v.compare.filter((u) => u !== url) }));

export const compareClosed = (state, mode) => withView(state, mode, () => ({ compare: [] }));

export const promptExpanded = (state, mode, url) =>
  withView(state, mode, (v) => ({ expanded: v.expanded.includes(url) ? v.expanded.filter((u) => u !== url) : [...v.expanded, url] }));

/** A drawing with disabled buttons means the next answer must be drawn even if unchanged. */
export const drawn = (state) => ({ ...state, drawnBusy: state.busy || state.sending });

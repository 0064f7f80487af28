// Entry point: wires the modules together and keeps the view in the URL.

import { $ } from './dom.js';
import { icon } from './icons.js';
import { createApi } from './api.js';
import { parseState, serializeState, sameList, withReport, toggleFilter, clearFilters } from './url-state.js';
import { createWall } from './wall.js';
import { createFilters } from './filters.js';
import { createToolbar } from './toolbar.js';
import { createReader } from './reader.js';
import { createSettings } from './settings.js';
import { startLiveUpdates } from './live-updates.js';
import { installKeyboard } from './keyboard.js';
import { createToaster } from './toast.js';
import { openManageImages, onManageEvent } from './manage-images.js';
import { createReportActions } from './report-actions.js';
import { createSemantic } from './semantic.js';
import { withLike } from './semantic-state.js';
import { relatedRow } from './related.js';

for (const slot of document.querySelectorAll('[data-icon]')) slot.append(icon(slot.dataset.icon));

const api = createApi();
const toast = createToaster($('#toasts'));
let state = parseState(location.search);
let signedIn = null;
let openedInPage = false; // the reader was opened by a click here, so closing it can go "back"

const linkFor = (id) => `?${serializeState(withReport(state, id))}`;

function navigate(next, { replace = false } = {}) {
  const prev = state;
  state = next;
  const qs = serializeState(next);
  const url = qs ? `?${qs}` : location.pathname;
  if (url !== location.search || replace) history[replace ? 'replaceState' : 'pushState'](null, '', url);
  apply(prev, next);
}

function apply(prev, next) {
  if (!prev || !sameList(prev, next)) {
    wall.load(next);
    filters.load(next);
    live?.resetNew();
  }
  filters.render(next);
  toolbar.render(next);
  semantic.render(next);
  if (next.report && next.report !== reader.current()) reader.open(next.report);
  else if (!next.report && reader.isOpen()) reader.close();
}

async function copyLink(id) {
  const url = new URL(`?${serializeState({ ...parseState(''), report: id })}`, location.href).href;
  try {
    await navigator.clipboard.writeText(url);
    toast('Link copied');
  } catch {
    toast(url);
  }
}

const settings = createSettings({
  dialog: $('#settings'), api, toast,
  onModeChange: (setting) => wall.refreshImages(setting),
  onSessionChange: (session) => {
    if (signedIn !== null && signedIn !== session.signed_in) wall.reload();
    // A reader opened from a link may have been drawn before the session was known.
    if (signedIn !== session.signed_in && reader.isOpen()) reader.reload(reader.current());
    signedIn = session.signed_in;
  },
});

const reportActions = createReportActions({ api, toast, signedIn: () => settings.signedIn(),
  onDeleted: (id) => { wall.remove(id); if (reader.current() === id) reader.close(); } });

const cardCtx = {
  reportActions: (report) => reportActions.menuItems(report),
  imageSetting: () => settings.imageSetting(),
  signedIn: () => settings.signedIn(),
  linkFor,
  onOpen: (id) => { openedInPage = true; navigate(withReport(state, id)); },
  onFilter: (facet, value) => navigate(toggleFilter(state, facet, value, true)),
  onCopyLink: copyLink,
  onMoreLike: (id) => navigate(withLike(state, id)),
  onSignIn: () => settings.open(true),
  onManageImages: (report) => openManageImages({ dialog: $('#manage'), api, report, toast,
    onReport: (detail) => {
      const row = wall.get(String(detail.video_id ?? detail.id));
      if (row) wall.update({ ...row, summary_image_url: detail.summary_image_url, analysis: { ...row.analysis, ...detail.analysis } });
    } }),
};

const wall = createWall({
  api, grid: $('#wall'), status: $('#wall-status'), sentinel: $('#sentinel'), countEl: $('#results-count'),
  cardCtx, onClearFilters: () => navigate(clearFilters(state)),
  onFirstPage: (data, shown) => semantic.noteAnswer(data, shown),
});

const semantic = createSemantic({ api, bar: $('.results-bar'), indicator: $('#backfill'), getState: () => state, navigate,
  titleFor: (id) => wall.get(id)?.title });

const filters = createFilters({ api, body: $('#facets-body'), chipsEl: $('#chips'), badge: $('#filters-count'),
  getState: () => state, navigate });

const toolbar = createToolbar({ search: $('#search'), form: $('#search-form'), sort: $('#sort'),
  getState: () => state, navigate,
  facetsPanel: { toggle: $('#filters-toggle'), panel: $('#facets'), close: $('#facets-close'), scrim: $('#facets-scrim') } });

const reader = createReader({
  dialog: $('#reader'), api, imageSetting: () => settings.imageSetting(), rowFor: (id) => wall.get(id),
  onCopyLink: copyLink,
  actions: (report) => reportActions.buttons(report),
  toast,
  onFilter: (facet, value) => navigate(toggleFilter(withReport(state, null), facet, value, true)),
  extras: (r) => relatedRow({ api, id: String(r.video_id), linkFor,
    onOpen: (id) => { openedInPage = true; navigate(withReport(state, id)); } }),
  onClose: () => {
    if (!state.report) return;
    if (openedInPage) { openedInPage = false; history.back(); }
    else navigate(withReport(state, null), { replace: true });
  },
});

window.addEventListener('popstate', () => {
  const prev = state;
  state = parseState(location.search);
  openedInPage = false;
  apply(prev, state);
});

$('#settings-open').addEventListener('click', () => settings.open());
installKeyboard({ search: $('#search'), grid: $('#wall') });

const live = startLiveUpdates({
  api, wall, getState: () => state, pill: $('#new-pill'), statusEl: $('#live-status'),
  onImageEvent: onManageEvent,
  reloadList: () => { wall.reload(); filters.load(state, { changed: true }); },
  onReport: (change, id) => {
    if (reader.current() !== id) return;
    if (change === 'deleted') reader.close(); else reader.reload(id);
  },
});

apply(null, state);
settings.refreshSession();

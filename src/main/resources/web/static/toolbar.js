// Search box (debounced), sort menu, and the filters drawer toggle on small screens.

import { h, debounce } from './dom.js';
import { firstThatFits } from './format.js';
import { SORTS, SEARCH_SORT, withQuery, withSort, effectiveSort } from './url-state.js';

export function createToolbar({ search, form, sort, getState, navigate, facetsPanel }) {
  for (const [value, label] of SORTS) sort.append(h('option', { value, text: label }));
  const relevance = sort.querySelector(`option[value="${SEARCH_SORT}"]`);

  let typingSession = false;
  const commit = debounce(() => {
    const q = search.value.trim();
    if (q === getState().q) return;
    // one history entry per search, not per keystroke
    navigate(withQuery(getState(), q), { replace: typingSession });
    typingSession = true;
  }, 300);
  search.addEventListener('input', commit);
  search.addEventListener('blur', () => { typingSession = false; });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    commit.cancel();
    typingSession = false;
    if (search.value.trim() !== getState().q) navigate(withQuery(getState(), search.value));
    search.blur();
  });
  sort.addEventListener('change', () => navigate(withSort(getState(), sort.value)));

  fitPlaceholder(search);

  const { toggle, panel, close, scrim } = facetsPanel;
  const setOpen = (open) => {
    panel.classList.toggle('is-open', open);
    scrim.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    document.body.classList.toggle('drawer-open', open);
    if (open) panel.querySelector('summary, input, button')?.focus();
    else if (panel.contains(document.activeElement)) toggle.focus();
  };
  toggle.addEventListener('click', () => setOpen(!panel.classList.contains('is-open')));
  close.addEventListener('click', () => setOpen(false));
  scrim.addEventListener('click', () => setOpen(false));
  panel.addEventListener('keydown', (e) => { if (e.key === 'Escape' && panel.classList.contains('is-open')) setOpen(false); });

  return {
    render(state) {
      if (document.activeElement !== search && search.value !== state.q) search.value = state.q;
      if (document.activeElement === search && !typingSession && search.value.trim() !== state.q) search.value = state.q;
      // relevance ranks a search; with no search there is nothing to rank
      relevance.disabled = !state.q;
      relevance.hidden = !state.q;
      sort.value = effectiveSort(state);
    },
  };
}

// A narrow phone leaves the box too little room for the whole placeholder; a cut word
// ("Search su") reads worse than a shorter one.
const PLACEHOLDERS = ['Search summaries', 'Search'];

function fitPlaceholder(input) {
  const ctx = document.createElement('canvas').getContext('2d');
  const fit = () => {
    const style = getComputedStyle(input);
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (room <= 0) return;
    ctx.font = style.font;
    input.placeholder = firstThatFits(PLACEHOLDERS, room, (t) => ctx.measureText(t).width);
  };
  new ResizeObserver(fit).observe(input);
}

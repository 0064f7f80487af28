// Settings: theme, global image mode, admin sign-in / sign-out.
// The admin token goes once to POST /api/session and is never stored by the page.

import { h, clear } from './dom.js';
import { icon } from './icons.js';
import { MODES, MODE_LABELS, pickMode, loadModeSetting, saveModeSetting } from './image-modes.js';

const THEME_KEY = 'ytv2.theme';
const THEMES = [['system', 'System', 'monitor'], ['light', 'Light', 'sun'], ['dark', 'Dark', 'moon']];
const MODE_HELP = {
  og: 'Source thumbnails, falling back to AI images.',
  a1: 'The themed AI image (A1).',
  ai2: 'The freestyle AI image (AI2).',
  rotate: 'Cycles through every image per card. Pick again to advance.',
  default: 'Each card’s own preferred image.',
};

function storage() {
  try { return window.localStorage; } catch { return null; }
}

export function loadTheme() {
  try { const t = storage()?.getItem(THEME_KEY); return t === 'light' || t === 'dark' ? t : 'system'; } catch { return 'system'; }
}

export function applyTheme(theme) {
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

export function createSettings({ dialog, api, onModeChange, onSessionChange, toast }) {
  let setting = loadModeSetting(storage());
  let session = { signed_in: false, read_token_required: false };
  let theme = loadTheme();
  applyTheme(theme);

  dialog.addEventListener('click', (e) => { if (e.target === dialog) dialog.close(); });

  function segmented(name, options, current, onPick) {
    return h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': name },
      options.map(([value, label, iconName]) => {
        const b = h('button', { type: 'button', role: 'radio', class: 'segment', 'aria-checked': String(value === current),
          dataset: { value } }, iconName ? icon(iconName, { size: 16 }) : null, h('span', { text: label }));
        b.addEventListener('click', () => onPick(value));
        b.addEventListener('keydown', (e) => {
          const dir = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
          if (!dir) return;
          e.preventDefault();
          const all = Array.from(b.parentElement.children);
          all[(all.indexOf(b) + dir + all.length) % all.length].focus();
        });
        return b;
      }));
  }

  function render() {
    const focusedValue = dialog.contains(document.activeElement) ? document.activeElement.dataset?.value : null;
    clear(dialog);
    const modeOptions = MODES.map((m) => [m, MODE_LABELS[m]]);
    dialog.append(
      h('div', { class: 'sheet-head' },
        h('h2', { id: 'settings-title', text: 'Settings' }),
        h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close settings', onclick: () => dialog.close() }, icon('x'))),
      h('section', { class: 'settings-section' },
        h('h3', { text: 'Appearance' }),
        segmented('Theme', THEMES, theme, pickTheme)),
      h('section', { class: 'settings-section', id: 'image-mode' },
        h('h3', { text: 'Images' }),
        segmented('Image mode', modeOptions, setting.mode, pickImageMode),
        h('p', { class: 'hint', text: MODE_HELP[setting.mode] })),
      h('section', { class: 'settings-section' },
        h('h3', { text: 'Admin' }),
        session.signed_in ? signedInView() : signInForm()));
    if (focusedValue) dialog.querySelector(`[data-value="${CSS.escape(focusedValue)}"]`)?.focus();
  }

  function signedInView() {
    return h('div', { class: 'admin-row' },
      h('p', { class: 'admin-state' }, icon('check', { size: 16 }), h('span', { text: 'Signed in as admin on this browser.' })),
      h('button', { type: 'button', class: 'button', id: 'sign-out', text: 'Sign out', onclick: signOut }));
  }

  function signInForm() {
    const input = h('input', { id: 'admin-token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true,
      placeholder: 'Admin token' });
    const error = h('p', { class: 'form-error', role: 'alert' });
    const submit = h('button', { type: 'submit', class: 'button primary', text: 'Sign in' });
    const form = h('form', { class: 'sign-in' },
      h('label', { for: 'admin-token', text: 'Admin token' }),
      h('div', { class: 'input-row' }, input, submit), error,
      h('p', { class: 'hint', text: 'Sent once; this browser keeps only a session cookie.' }));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const token = input.value;
      if (!token) return;
      submit.disabled = true;
      error.textContent = '';
      try {
        await api.signIn(token);
        input.value = '';
        await refreshSession();
        toast('Signed in');
      } catch (err) {
        input.value = '';
        error.textContent = err.status === 401 ? 'That token is not right.' : err.message;
        input.focus();
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  }

  async function signOut() {
    try {
      await api.signOut();
    } catch (err) {
      toast(err.message, 'error');
    }
    await refreshSession();
    toast('Signed out');
  }

  function pickTheme(value) {
    theme = value;
    try { if (value === 'system') storage()?.removeItem(THEME_KEY); else storage()?.setItem(THEME_KEY, value); } catch { /* ignore */ }
    applyTheme(value);
    render();
  }

  function pickImageMode(mode) {
    setting = pickMode(setting, mode);
    saveModeSetting(storage(), setting);
    render();
    onModeChange(setting);
  }

  async function refreshSession() {
    try {
      const s = await api.getSession();
      session = { signed_in: Boolean(s?.signed_in), read_token_required: Boolean(s?.read_token_required) };
    } catch {
      session = { signed_in: false, read_token_required: false };
    }
    render();
    onSessionChange(session);
    return session;
  }

  render();
  return {
    open(focusSignIn = false) {
      render();
      if (!dialog.open) dialog.showModal();
      if (focusSignIn) dialog.querySelector('#admin-token')?.focus();
    },
    imageSetting: () => setting,
    signedIn: () => session.signed_in,
    refreshSession,
  };
}

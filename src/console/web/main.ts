import { signInAs, type Boot, type DevUser } from './api.js';
import { controlView } from './control.js';
import { $, clear, h } from './dom.js';
import { healthView } from './health.js';
import { referenceView } from './reference.js';
import { requestsView } from './requests.js';
import { sessionsView, sessionView } from './sessions.js';
import type { View, ViewContext } from './view.js';

/**
 * The console's shell: hash routes (#/sessions, #/sessions/{id}, #/requests, #/control, #/health,
 * #/reference), the dev user it signs in as, the theme, and the keys every view shares.
 */
const boot = JSON.parse($('#boot').textContent ?? '{}') as Boot;
const viewEl = $('#view');
let active: View | undefined;

const USER_KEY = 'evo-console.user';
const THEME_KEY = 'evo-console.theme';

function chooseUser(): DevUser | undefined {
  const saved = localStorage.getItem(USER_KEY);
  // A system administrator sees every account, so the console starts as one when the fixtures have one.
  return boot.users.find((u) => u.userName === saved) ?? boot.users.find((u) => u.roles.includes('SystemAdministrator')) ?? boot.users[0];
}

function setupUser(): void {
  const select = $('#user') as HTMLSelectElement;
  for (const u of boot.users) select.append(h('option', { value: u.userName }, `${u.displayName} (${u.userName})`));
  const user = chooseUser();
  if (user) {
    select.value = user.userName;
    signInAs(user);
  }
  select.addEventListener('change', () => {
    const next = boot.users.find((u) => u.userName === select.value);
    if (!next) return;
    localStorage.setItem(USER_KEY, next.userName);
    signInAs(next);
    route();
  });
}

type Theme = 'auto' | 'light' | 'dark';

function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'auto') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
  const dark = theme === 'dark' || (theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
  // Swagger UI's own dark styles hang off this class.
  root.classList.toggle('dark-mode', dark);
  $('#theme-name').textContent = theme;
  // The server reads this to paint the first frame in the chosen theme.
  document.cookie = `evo-console-theme=${theme}; path=/; max-age=31536000; samesite=strict`;
}

function setupTheme(): void {
  let theme = (localStorage.getItem(THEME_KEY) as Theme | null) ?? 'auto';
  applyTheme(theme);
  const cycle = () => {
    theme = theme === 'auto' ? 'dark' : theme === 'dark' ? 'light' : 'auto';
    localStorage.setItem(THEME_KEY, theme);
    applyTheme(theme);
  };
  $('#theme').addEventListener('click', cycle);
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applyTheme(theme));
  keys.set('t', cycle);
}

const keys = new Map<string, () => void>();
const ROUTES = ['sessions', 'requests', 'control', 'health', 'reference'] as const;

function setupKeys(): void {
  ROUTES.forEach((r, i) => keys.set(String(i + 1), () => (location.hash = `#/${r}`)));
  keys.set('?', showShortcuts);
  $('#keys').addEventListener('click', showShortcuts);
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement | null;
    const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (typing) {
      if (e.key === 'Escape') target.blur();
      return;
    }
    if (document.querySelector('dialog[open]')) return;
    if (active?.onKey?.(e)) {
      e.preventDefault();
      return;
    }
    const action = keys.get(e.key);
    if (action) {
      e.preventDefault();
      action();
    }
  });
}

function showShortcuts(): void {
  const rows: [string, string][] = [
    ['1 - 5', 'Sessions, Requests, Control, Health, API reference'],
    ['j / k or arrows', 'Next / previous row'],
    ['Enter', 'Open the selected row'],
    ['[ / ]', 'Previous / next page'],
    ['/', 'Focus the first filter'],
    ['Esc', 'Back to the list, or leave a field'],
    ['t', 'Cycle the theme (auto, dark, light)'],
    ['?', 'This list'],
  ];
  const dialog = h('dialog', { 'aria-label': 'Keyboard shortcuts' },
    h('h3', null, 'Keyboard shortcuts'),
    h('table', null, ...rows.map(([k, d]) => h('tr', null, h('td', null, h('kbd', null, k)), h('td', null, d)))),
    h('div.row', { style: 'justify-content:flex-end;margin-top:12px' }, h('button', { onclick: () => dialog.close() }, 'Close')),
  );
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

function route(): void {
  const hash = location.hash.replace(/^#\/?/, '') || 'sessions';
  const [path = '', query = ''] = hash.split('?');
  const parts = path.split('/').map(decodeURIComponent);
  const params = new URLSearchParams(query);
  active?.dispose?.();
  viewEl.classList.remove('full');
  clear(viewEl);
  const ctx: ViewContext = { boot, el: viewEl, params, navigate: (to) => (location.hash = to) };
  const name = parts[0] ?? 'sessions';
  for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    if (a.dataset['nav'] === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (name === 'sessions' && parts[1]) active = sessionView(ctx, parts[1]);
  else if (name === 'requests') active = requestsView(ctx);
  else if (name === 'control') active = controlView(ctx);
  else if (name === 'health') active = healthView(ctx);
  else if (name === 'reference') active = referenceView(ctx);
  else active = sessionsView(ctx);
  document.title = `${active.title} · evo-mock console`;
}

setupUser();
setupTheme();
setupKeys();
window.addEventListener('hashchange', route);
route();

import { admin, ApiError, errorText } from './api.js';
import { clear, dateTime, h, toast } from './dom.js';
import type { View, ViewContext } from './view.js';

interface ScenarioEntry {
  name: string;
  summary: string;
  details?: string;
  count?: { default: number; min: number; max: number };
  sessions: { id: string; what: string }[];
}

interface Behaviour {
  id: string;
  name?: string;
  match?: Record<string, unknown>;
  respond: Record<string, unknown>;
  times?: number;
  remaining?: number;
  priority?: number;
  hits?: number;
}

interface ClockState {
  now: string;
  paused: boolean;
  speed: number;
}

interface Snapshot {
  name: string;
  sessions?: number;
  createdAt?: string;
  savedAt?: string;
  bytes?: number;
}

const FAULTS = ['reset', 'empty', 'malformed', 'dribble'];

/** A card that says plainly when its admin API is not on this mock, instead of failing quietly. */
function unavailable(err: unknown, what: string): HTMLElement {
  if (err instanceof ApiError && err.missing) return h('div.notice.warn', null, `${what} is not on this mock (it answered 404).`);
  return h('div.notice.error', null, `${what}: ${errorText(err)}`);
}

function card(title: string, sub: string, ...body: (Node | string)[]): HTMLElement {
  return h('section.card', null, h('header', null, h('h2', null, title), h('span.sub', null, sub)), h('div.card-body', null, ...body));
}

/** #/control: scenarios, behaviours, the clock, reset and snapshots, sign-in expiry: the admin API, as forms. */
export function controlView(ctx: ViewContext): View {
  const scenarios = h('div', null, h('div.sub', null, 'Loading…'));
  const behaviours = h('div');
  const clock = h('div');
  const data = h('div');
  const auth = h('div');
  clear(ctx.el,
    h('div.head', null, h('h1', null, 'Control'), h('span.sub', null, 'Everything here is a call to the admin API; the Requests view shows each one.')),
    h('div.grid.two', null,
      card('Behaviours', 'make calls fail, slow down or break', behaviours),
      card('Clock', 'what time the mock thinks it is', clock),
      card('Scenarios', 'QA states with fixed ids', scenarios),
      card('Data', 'reset and snapshots', data),
      card('Sign-ins', 'end them, so an app sees a 401', auth),
    ),
  );
  let timer: ReturnType<typeof setInterval> | undefined;
  void renderScenarios(scenarios);
  void renderBehaviours(behaviours);
  void renderClock(clock, (t) => (timer = t));
  void renderData(data);
  renderAuth(auth, ctx);
  return { title: 'Control', dispose: () => clearInterval(timer) };
}

async function renderScenarios(el: HTMLElement): Promise<void> {
  let list: ScenarioEntry[];
  try {
    list = (await admin<{ scenarios: ScenarioEntry[] }>('GET', '/__admin/scenarios')).scenarios;
  } catch (err) {
    clear(el, unavailable(err, 'GET /__admin/scenarios'));
    return;
  }
  clear(el, h('ul.list', null, ...list.map((s) => {
    const count = s.count ? h('input', { type: 'number', min: s.count.min, max: s.count.max, value: s.count.default, style: 'width:84px', 'aria-label': `${s.name} size` }) : undefined;
    const apply = h('button', { type: 'button', 'data-scenario': s.name }, 'Apply');
    apply.addEventListener('click', async () => {
      apply.disabled = true;
      try {
        const path = `/__admin/scenarios/${encodeURIComponent(s.name)}${count ? `?count=${encodeURIComponent(count.value)}` : ''}`;
        const result = await admin<{ message?: string }>('POST', path);
        toast(result?.message ?? `Applied ${s.name}`);
      } catch (err) {
        toast(`${s.name}: ${errorText(err)}`, 'bad');
      } finally {
        apply.disabled = false;
      }
    });
    return h('li', null, h('div.grow', null, h('b', null, s.name), h('div', { title: s.details ?? s.summary }, s.summary)), count ?? '', apply);
  })));
}

function describeBehaviour(b: Behaviour): string {
  const m = b.match ?? {};
  const when = [m['operation'], m['method'], m['path'], m['user'] && `as ${String(m['user'])}`, m['format'] && `in ${String(m['format'])}`].filter(Boolean).map(String).join(' ') || 'every request';
  const r = b.respond;
  const what = [r['status'] && `status ${String(r['status'])}`, r['delayMs'] !== undefined && `delay ${String(r['delayMs'])} ms`, r['delay'] !== undefined && `delay ${JSON.stringify(r['delay'])}`, r['fault'] && `fault ${String(r['fault'])}`].filter(Boolean).join(', ') || 'answer as usual';
  return `${when} → ${what}`;
}

async function renderBehaviours(el: HTMLElement): Promise<void> {
  const operations = await operationIds();
  const opSelect = h('select', { name: 'operation' }, h('option', { value: '' }, 'any operation'), ...operations.map((o) => h('option', { value: o }, o)));
  const method = h('select', { name: 'method' }, ...['', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => h('option', { value: m }, m || 'any method')));
  const path = h('input', { name: 'path', placeholder: '/sessions/*', spellcheck: 'false' });
  const user = h('input', { name: 'user', placeholder: 'dev@example.com', spellcheck: 'false' });
  const format = h('select', { name: 'format' }, ...['', 'json', 'xml', 'jsv'].map((f) => h('option', { value: f }, f || 'any format')));
  const status = h('input', { name: 'status', type: 'number', min: 100, max: 599, placeholder: '503' });
  const delay = h('input', { name: 'delayMs', type: 'number', min: 0, placeholder: '800' });
  const fault = h('select', { name: 'fault' }, h('option', { value: '' }, 'no fault'), ...FAULTS.map((f) => h('option', { value: f }, f)));
  const times = h('input', { name: 'times', type: 'number', min: 1, placeholder: 'always' });
  const f = (label: string, control: HTMLElement) => h('label.field', null, h('span', null, label), control);
  const problem = h('div');
  const list = h('div');
  const form = h('form', { 'aria-label': 'Add a behaviour' },
    h('div.sub', { style: 'margin-bottom:6px' }, 'When a request matches'),
    h('div.form-grid', null, f('Operation', opSelect), f('Method', method), f('Path', path), f('User', user), f('Format', format)),
    h('div.sub', { style: 'margin:12px 0 6px' }, 'answer with'),
    h('div.form-grid', null, f('Status', status), f('Delay (ms)', delay), f('Fault', fault), f('Times', times),
      h('div.row', null, h('button.primary', { type: 'submit' }, 'Add behaviour'))),
    problem,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const match: Record<string, string> = {};
    for (const [k, control] of [['operation', opSelect], ['method', method], ['path', path], ['user', user], ['format', format]] as const) {
      if (control.value.trim()) match[k] = control.value.trim();
    }
    const respond: Record<string, unknown> = {};
    if (status.value) respond['status'] = Number(status.value);
    if (delay.value) respond['delayMs'] = Number(delay.value);
    if (fault.value) respond['fault'] = fault.value;
    const body: Record<string, unknown> = { match, respond };
    if (times.value) body['times'] = Number(times.value);
    try {
      const made = await admin<{ id: string }>('POST', '/__admin/behaviours', body);
      clear(problem);
      toast(`Behaviour ${made?.id ?? ''} added`);
      void refresh();
    } catch (err) {
      clear(problem, h('div.notice.error', { style: 'margin-top:10px' }, errorText(err)));
    }
  });
  async function refresh(): Promise<void> {
    try {
      const items = (await admin<{ behaviours: Behaviour[] }>('GET', '/__admin/behaviours')).behaviours;
      const removeAll = h('button.danger', { type: 'button' }, 'Remove all');
      removeAll.addEventListener('click', async () => {
        await admin('DELETE', '/__admin/behaviours').catch((err: unknown) => toast(errorText(err), 'bad'));
        void refresh();
      });
      clear(list, h('div.row', { style: 'margin:16px 0 4px' }, h('h3', { style: 'margin:0;flex:1' }, `Active (${items.length})`), items.length > 0 ? removeAll : ''),
        items.length === 0 ? h('div.sub', null, 'None: every request is answered as the API would.') : h('ul.list', null, ...items.map((b) => {
          const remove = h('button', { type: 'button', 'aria-label': `Remove behaviour ${b.id}` }, 'Remove');
          remove.addEventListener('click', async () => {
            await admin('DELETE', `/__admin/behaviours/${encodeURIComponent(b.id)}`).catch((err: unknown) => toast(errorText(err), 'bad'));
            void refresh();
          });
          const left = b.remaining !== undefined ? `, ${b.remaining} left` : '';
          return h('li', { 'data-behaviour': b.id }, h('div.grow', null, h('b', null, b.name ?? describeBehaviour(b)), h('div', null, `${b.id} · ${b.hits ?? 0} hit${b.hits === 1 ? '' : 's'}${left}${b.priority !== undefined ? ` · priority ${b.priority}` : ''}`)), remove);
        })));
    } catch (err) {
      clear(list, h('div', { style: 'margin-top:12px' }, unavailable(err, 'GET /__admin/behaviours')));
    }
  }
  clear(el, form, list);
  await refresh();
}

let specOperations: Promise<string[]> | undefined;
/** The operations the spec routes, for the behaviour form's choice. */
function operationIds(): Promise<string[]> {
  specOperations ??= fetch('/__console/openapi')
    .then((r) => r.json() as Promise<{ paths: Record<string, Record<string, { operationId?: string }>> }>)
    .then((spec) => [...new Set(Object.values(spec.paths).flatMap((p) => Object.values(p).map((o) => o.operationId).filter((x): x is string => typeof x === 'string')))].sort())
    .catch(() => []);
  return specOperations;
}

async function renderClock(el: HTMLElement, keep: (t: ReturnType<typeof setInterval>) => void): Promise<void> {
  let state: ClockState;
  let readAt = 0;
  try {
    state = await admin<ClockState>('GET', '/__admin/clock');
    readAt = Date.now();
  } catch (err) {
    clear(el, unavailable(err, 'The clock API (GET /__admin/clock)'));
    return;
  }
  const face = h('div.clock-face', { 'aria-live': 'off' });
  const meta = h('div.sub');
  const pause = h('button', { type: 'button' });
  const advance = h('input', { placeholder: '5m, PT1H', style: 'width:110px', 'aria-label': 'Advance by' });
  const speed = h('input', { type: 'number', min: 0, step: 'any', style: 'width:90px', 'aria-label': 'Speed' });
  const setAt = h('input', { type: 'datetime-local', step: 1, 'aria-label': 'Set the clock to' });
  const post = async (body: Record<string, unknown>) => {
    try {
      state = await admin<ClockState>('POST', '/__admin/clock', body);
      readAt = Date.now();
      if (!state || typeof state.now !== 'string') {
        state = await admin<ClockState>('GET', '/__admin/clock');
        readAt = Date.now();
      }
      paint();
    } catch (err) {
      toast(`Clock: ${errorText(err)}`, 'bad');
    }
  };
  const paint = () => {
    const now = state.paused ? Date.parse(state.now) : Date.parse(state.now) + (Date.now() - readAt) * (state.speed || 1);
    face.textContent = dateTime(new Date(now).toISOString());
    meta.textContent = `${state.paused ? 'Paused' : 'Running'} · speed ${state.speed}× · ${state.now}`;
    pause.textContent = state.paused ? 'Resume' : 'Pause';
    if (document.activeElement !== speed) speed.value = String(state.speed);
  };
  pause.addEventListener('click', () => void post({ pause: !state.paused }));
  const quick = (label: string, by: string) => h('button', { type: 'button', onclick: () => void post({ advance: by }) }, label);
  clear(el,
    face, meta,
    h('div.row', { style: 'margin-top:12px' }, pause, quick('+1 min', 'PT1M'), quick('+5 min', 'PT5M'), quick('+1 h', 'PT1H'), quick('+1 day', 'P1D')),
    h('div.row', { style: 'margin-top:10px' }, advance, h('button', { type: 'button', onclick: () => advance.value.trim() && void post({ advance: advance.value.trim() }) }, 'Advance'),
      speed, h('button', { type: 'button', onclick: () => void post({ speed: Number(speed.value) }) }, 'Set speed')),
    h('div.row', { style: 'margin-top:10px' }, setAt, h('button', { type: 'button', onclick: () => setAt.value && void post({ set: new Date(setAt.value).toISOString() }) }, 'Set time')),
  );
  paint();
  keep(setInterval(paint, 1000));
}

async function renderData(el: HTMLElement): Promise<void> {
  const reset = h('button.danger', { type: 'button' }, 'Reset to the seeded data');
  reset.addEventListener('click', async () => {
    if (!confirm('Reset the store to exactly what it was seeded with? Every change since is lost (snapshots are kept).')) return;
    try {
      await admin('POST', '/__admin/reset');
      toast('Store reset to its seed');
      void refresh();
    } catch (err) {
      toast(`Reset: ${errorText(err)}`, 'bad');
    }
  });
  const name = h('input', { placeholder: 'snapshot name', spellcheck: 'false', 'aria-label': 'Snapshot name', style: 'flex:1' });
  const save = h('button.primary', { type: 'button' }, 'Save snapshot');
  const list = h('div', { style: 'margin-top:12px' });
  save.addEventListener('click', async () => {
    if (!name.value.trim()) {
      name.focus();
      return;
    }
    try {
      await admin('POST', '/__admin/snapshots', { name: name.value.trim() });
      toast(`Saved ${name.value.trim()}`);
      name.value = '';
      void refresh();
    } catch (err) {
      toast(`Snapshot: ${errorText(err)}`, 'bad');
    }
  });
  async function refresh(): Promise<void> {
    try {
      const items = (await admin<{ snapshots: Snapshot[] }>('GET', '/__admin/snapshots')).snapshots;
      clear(list, items.length === 0 ? h('div.sub', null, 'No snapshots yet.') : h('ul.list', null, ...items.map((s) => {
        const restore = h('button', { type: 'button' }, 'Restore');
        restore.addEventListener('click', async () => {
          try {
            await admin('POST', `/__admin/snapshots/${encodeURIComponent(s.name)}/restore`);
            toast(`Restored ${s.name}`);
          } catch (err) {
            toast(`Restore: ${errorText(err)}`, 'bad');
          }
        });
        const del = h('button.danger', { type: 'button', 'aria-label': `Delete snapshot ${s.name}` }, 'Delete');
        del.addEventListener('click', async () => {
          await admin('DELETE', `/__admin/snapshots/${encodeURIComponent(s.name)}`).catch((err: unknown) => toast(errorText(err), 'bad'));
          void refresh();
        });
        const when = s.createdAt ?? s.savedAt;
        return h('li', null, h('div.grow', null, h('b', null, s.name), h('div', null, [s.sessions !== undefined ? `${s.sessions} sessions` : '', when ? dateTime(when) : ''].filter(Boolean).join(' · '))), restore, del);
      })));
    } catch (err) {
      clear(list, unavailable(err, 'Snapshots (GET /__admin/snapshots)'));
    }
  }
  clear(el, h('div.row', null, reset), h('div.row', { style: 'margin-top:12px' }, name, save), list);
  await refresh();
}

function renderAuth(el: HTMLElement, ctx: ViewContext): void {
  const user = h('select', { 'aria-label': 'User whose sign-ins end' }, ...ctx.boot.users.map((u) => h('option', { value: u.userName }, u.userName)));
  const sessionId = h('input', { placeholder: 'ss-id of one sign-in', spellcheck: 'false', 'aria-label': 'Sign-in session id', style: 'flex:1' });
  const expire = async (body: Record<string, string>, what: string) => {
    try {
      const result = await admin<{ sessions?: number; bearerTokensRevoked?: number }>('POST', '/__admin/auth/expire', body);
      const counts = result?.sessions !== undefined ? `: ${result.sessions} sign-in${result.sessions === 1 ? '' : 's'} ended, ${result.bearerTokensRevoked ?? 0} bearer token${result.bearerTokensRevoked === 1 ? '' : 's'} revoked` : '';
      toast(`Ended ${what}${counts}`);
    } catch (err) {
      toast(`Expire: ${errorText(err)}`, 'bad');
    }
  };
  clear(el,
    h('div.sub', { style: 'margin-bottom:10px' }, 'Cookies and bearer tokens of the chosen sign-ins stop working: the next call gets 401 with WWW-Authenticate.'),
    h('div.row', null, user, h('button', { type: 'button', onclick: () => void expire({ user: user.value }, `${user.value}'s sign-ins`) }, 'End this user’s sign-ins')),
    h('div.row', { style: 'margin-top:10px' }, sessionId, h('button', { type: 'button', onclick: () => sessionId.value.trim() && void expire({ sessionId: sessionId.value.trim() }, 'that sign-in') }, 'End one')),
    h('div.row', { style: 'margin-top:10px' }, h('button.danger', { type: 'button', onclick: () => void expire({}, 'every sign-in') }, 'End every sign-in')),
  );
}

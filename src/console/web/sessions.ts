import { admin, ApiError, currentUser, errorText, publicGet, publicText } from './api.js';
import { clear, dateTime, debounce, h, jsonBlock, num, offset, statePill, textBlock, toast } from './dom.js';
import type { View, ViewContext } from './view.js';

/** SessionInfo as the console reads it: the members it shows; the rest is passed through as sent. */
export interface Session {
  id: string;
  dateCreated?: string;
  dateLastModified?: string;
  dateCompleted?: string;
  displayName?: string;
  callState?: string;
  dialState?: string;
  queueState?: string;
  channel?: string;
  direction?: string;
  ended?: boolean;
  outcome?: string;
  fromAddress?: string;
  fromName?: string;
  toAddress?: string;
  destination?: string;
  accountId?: string;
  accountName?: string;
  customerName?: string;
  customerBreadcrumb?: { id?: string; name?: string }[];
  endpointName?: string;
  answeredByName?: string;
  holdQueueName?: string;
  holdReason?: string;
  parentSessionId?: string;
  callSid?: string;
  log?: { date?: string; message?: string }[];
  members?: { identity?: string; displayName?: string; avatarUrl?: string; role?: string; callState?: string; isOriginalMember?: boolean; muted?: boolean; endpointId?: string }[];
  [more: string]: unknown;
}

interface ListPage {
  items?: Session[];
  totalCount: number;
  totalPages: number;
  hasMorePages: boolean;
}

const SORTS = ['dateCreated', 'dateLastModified', 'displayName', 'callState', 'channel', 'direction', 'fromAddress', 'toAddress', 'accountName', 'customerName'];
const PAGE_SIZES = ['25', '50', '100'];
/** The ListSessions members the filters set, as query names; everything else in the hash is ignored. */
const FILTERS = ['accountIds', 'from', 'to', 'log', 'startDate', 'endDate', 'searchArchive', 'sortField', 'sortOrder', 'countPerPage', 'page', 'parentSessionId'] as const;
const LAST_LIST = 'evo-console.last-list';
const PRETTY = 'evo-console.pretty';

const COLUMNS: { label: string; width: string; cell: (s: Session) => Node | string }[] = [
  { label: 'Created', width: '164px', cell: (s) => h('span.mono', null, dateTime(s.dateCreated)) },
  { label: 'Session', width: '21%', cell: (s) => s.displayName ?? h('span.faint', null, '(no name)') },
  { label: 'Channel', width: '76px', cell: (s) => s.channel ?? '' },
  { label: 'Direction', width: '88px', cell: (s) => s.direction ?? '' },
  { label: 'State', width: '130px', cell: (s) => statePill(s.callState, s.ended) },
  { label: 'From', width: '14%', cell: (s) => s.fromAddress ?? '' },
  { label: 'To', width: '13%', cell: (s) => s.toAddress ?? '' },
  { label: 'Account', width: '15%', cell: (s) => s.accountName ?? '' },
  { label: 'Outcome', width: '11%', cell: (s) => s.outcome ?? (s.ended ? '' : h('span.faint', null, 'live')) },
];

/** #/sessions: ListSessions with its filters, one API page at a time (never the whole store). */
export function sessionsView(ctx: ViewContext): View {
  const q = new URLSearchParams();
  for (const k of FILTERS) {
    const v = ctx.params.get(k);
    if (v) q.set(k, v);
  }
  const user = currentUser();
  const reachable = user?.roles.includes('SystemAdministrator') ? ctx.boot.accounts : ctx.boot.accounts.filter((a) => user?.accountIds.includes(a.id));

  const field = (label: string, control: HTMLElement, cls = '') => h(`label.field${cls}`, null, h('span', null, label), control);
  const text = (name: string, placeholder: string) => h('input', { name, type: 'search', placeholder, value: q.get(name) ?? '', autocomplete: 'off', spellcheck: 'false' });
  const account = h('select', { name: 'accountIds' }, h('option', { value: '' }, `All ${reachable.length === 1 ? 'my account' : `${reachable.length} accounts`}`), ...reachable.map((a) => h('option', { value: a.id }, a.name)));
  account.value = q.get('accountIds') ?? '';
  const sort = h('select', { name: 'sortField' }, ...SORTS.map((s) => h('option', { value: s }, s)));
  sort.value = q.get('sortField') ?? 'dateCreated';
  const order = h('select', { name: 'sortOrder' }, h('option', { value: 'Descend' }, 'Newest / Z first'), h('option', { value: 'Ascend' }, 'Oldest / A first'));
  order.value = q.get('sortOrder') ?? 'Descend';
  const size = h('select', { name: 'countPerPage' }, ...PAGE_SIZES.map((s) => h('option', { value: s }, `${s} per page`)));
  size.value = q.get('countPerPage') ?? '25';
  const archive = h('input', { type: 'checkbox', name: 'searchArchive' });
  archive.checked = q.get('searchArchive') === 'true';
  const startDate = h('input', { type: 'date', name: 'startDate', value: q.get('startDate') ?? '' });
  const endDate = h('input', { type: 'date', name: 'endDate', value: q.get('endDate') ?? '' });
  const search = text('log', 'text in the log');
  const form = h('form.filters', { role: 'search', onsubmit: (e: Event) => e.preventDefault() },
    field('Account', account),
    field('Search log', search, '.wide'),
    field('From contains', text('from', 'number or address')),
    field('To contains', text('to', 'number or address')),
    field('Created from', startDate),
    field('Created to', endDate),
    field('Sort by', sort),
    field('Order', order),
    field('Page size', size),
    h('div.field', null, h('span', null, 'Archive'), h('label.check', { title: 'Sessions older than 15 days live in the archive, as on the real server' }, archive, 'Search the archive')),
  );

  const status = h('span.sub', { 'aria-live': 'polite' }, 'Loading…');
  const prev = h('button', { type: 'button', title: 'Previous page ([)', 'aria-label': 'Previous page' }, '‹ Prev');
  const next = h('button', { type: 'button', title: 'Next page (])', 'aria-label': 'Next page' }, 'Next ›');
  const pageLabel = h('span.sub.mono', null, '');
  const tbody = h('tbody');
  const table = h('table.data', { 'aria-label': 'Sessions' },
    h('colgroup', null, ...COLUMNS.map((c) => h('col', { style: `width:${c.width}` }))),
    h('thead', null, h('tr', null, ...COLUMNS.map((c) => h('th', { scope: 'col' }, c.label)))),
    tbody,
  );
  const wrap = h('div.table-wrap', null, table);
  const notice = h('div');
  clear(ctx.el,
    h('div.head', null, h('h1', null, 'Sessions'), status, h('span.spacer'), pageLabel, prev, next),
    form, notice, wrap,
  );

  let items: Session[] = [];
  let selected = 0;
  let page = Number(q.get('page') ?? '0') || 0;
  let totalPages = 0;
  let inFlight: AbortController | undefined;
  const rowCount = () => Number(size.value) || 25;

  // Placeholders keep the table's height while the first page loads: nothing jumps when it lands.
  clear(tbody, ...Array.from({ length: rowCount() }, () => h('tr.placeholder', null, ...COLUMNS.map(() => h('td', null, '.')))));

  function query(): URLSearchParams {
    const out = new URLSearchParams();
    const data = new FormData(form);
    for (const [k, v] of data) if (typeof v === 'string' && v.trim() !== '' && k !== 'searchArchive') out.set(k, v.trim());
    if (archive.checked) out.set('searchArchive', 'true');
    if (out.get('sortField') === 'dateCreated') out.delete('sortField');
    if (out.get('sortOrder') === 'Descend') out.delete('sortOrder');
    if (out.get('countPerPage') === '25') out.delete('countPerPage');
    if (page > 0) out.set('page', String(page));
    return out;
  }

  let disposed = false;
  async function load(): Promise<void> {
    // A debounced reload can fire after the view was left: it must not rewrite the address of another view.
    if (disposed) return;
    const params = query();
    const hash = `#/sessions${params.size > 0 ? `?${params}` : ''}`;
    history.replaceState(null, '', hash);
    sessionStorage.setItem(LAST_LIST, hash);
    const api = new URLSearchParams(params);
    api.set('page', String(page));
    api.set('countPerPage', String(rowCount()));
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    wrap.style.opacity = '0.6';
    status.textContent = 'Loading…';
    try {
      const result = await publicGet<ListPage>(`/sessions?${api}`, controller.signal);
      if (controller.signal.aborted) return;
      items = result.items ?? [];
      totalPages = result.totalPages;
      selected = Math.min(selected, Math.max(0, items.length - 1));
      render(result);
      clear(notice);
    } catch (err) {
      if (controller.signal.aborted) return;
      items = [];
      render({ items: [], totalCount: 0, totalPages: 0, hasMorePages: false });
      clear(notice, h('div.notice.error', { role: 'alert', style: 'margin-bottom:12px' }, `ListSessions failed: ${errorText(err)}`));
    } finally {
      if (inFlight === controller) wrap.style.opacity = '';
    }
  }

  function render(result: ListPage): void {
    const first = page * rowCount();
    status.textContent = result.totalCount === 0 ? 'No sessions match' : `${num(first + 1)}–${num(first + items.length)} of ${num(result.totalCount)}`;
    pageLabel.textContent = result.totalPages > 0 ? `page ${num(page + 1)} / ${num(result.totalPages)}` : '';
    prev.disabled = page <= 0;
    next.disabled = !result.hasMorePages && page + 1 >= result.totalPages;
    if (items.length === 0) {
      clear(tbody, h('tr', null, h('td.empty', { colspan: COLUMNS.length }, archive.checked ? 'No archived session matches these filters.' : 'No session matches these filters. Older sessions are in the archive.')));
      return;
    }
    clear(tbody, ...items.map((s, i) => {
      const tr = h('tr', { 'data-id': s.id, onclick: () => open(i) }, ...COLUMNS.map((c) => {
        const content = c.cell(s);
        return h('td', { title: typeof content === 'string' ? content : undefined }, content);
      }));
      if (i === selected) tr.classList.add('sel');
      return tr;
    }));
  }

  function select(i: number): void {
    if (items.length === 0) return;
    selected = Math.max(0, Math.min(items.length - 1, i));
    tbody.querySelectorAll('tr.sel').forEach((tr) => tr.classList.remove('sel'));
    const row = tbody.children[selected];
    row?.classList.add('sel');
    row?.scrollIntoView({ block: 'nearest' });
  }

  function open(i: number): void {
    const s = items[i];
    if (s) ctx.navigate(`#/sessions/${encodeURIComponent(s.id)}`);
  }

  function go(delta: number): void {
    const target = page + delta;
    if (target < 0 || (delta > 0 && next.disabled)) return;
    page = target;
    selected = 0;
    void load();
  }

  const reload = debounce(() => {
    page = 0;
    void load();
  }, 250);
  form.addEventListener('input', reload);
  form.addEventListener('change', reload);
  prev.addEventListener('click', () => go(-1));
  next.addEventListener('click', () => go(1));
  void load();

  return {
    title: 'Sessions',
    onKey(e) {
      if (e.key === 'j' || e.key === 'ArrowDown') select(selected + 1);
      else if (e.key === 'k' || e.key === 'ArrowUp') select(selected - 1);
      else if (e.key === 'Enter' || e.key === 'o') open(selected);
      else if (e.key === ']') go(1);
      else if (e.key === '[') go(-1);
      else if (e.key === '/') account.focus();
      else return false;
      return true;
    },
    dispose: () => {
      disposed = true;
      inFlight?.abort();
    },
  };
}

/** A session: the admin API reads it in any account; without it, ListSessions by id (live, then archived). */
async function readSession(id: string): Promise<{ session: Session; via: string }> {
  try {
    return { session: await admin<Session>('GET', `/__admin/sessions/${encodeURIComponent(id)}`), via: 'GET /__admin/sessions/{id}' };
  } catch (err) {
    // 404: no admin data API on this mock, or no such session; either way ListSessions has the last word.
    if (!(err instanceof ApiError) || err.status !== 404) throw err;
  }
  for (const archived of [false, true]) {
    const page = await publicGet<ListPage>(`/sessions?specificIds=${encodeURIComponent(id)}&countPerPage=1${archived ? '&searchArchive=true' : ''}`);
    const found = page.items?.[0];
    if (found) return { session: found, via: `GET /sessions?specificIds=…${archived ? '&searchArchive=true' : ''}` };
  }
  throw new ApiError(404, `No session ${id} in the accounts ${currentUser()?.userName ?? 'this user'} reaches, live or archived.`, 'NotFound', []);
}

/** Pictures load only from this mock (its /__avatars/), whichever address it was seeded for; others show initials. */
function avatar(url: string | undefined, name: string): HTMLElement {
  const initials = name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]?.toUpperCase()).join('') || '?';
  if (url) {
    try {
      const u = new URL(url, location.href);
      if (u.pathname.startsWith('/__avatars/') && /^(127\.|localhost$|\[::1\]$)/.test(u.hostname)) {
        return h('img.avatar', { src: u.pathname, alt: '', width: 36, height: 36 });
      }
    } catch {
      // Not a URL: initials.
    }
  }
  return h('div.avatar.blank', { 'aria-hidden': 'true' }, initials);
}

const WIRE_FORMATS = [
  ['JSON', 'application/json'],
  ['XML', 'application/xml'],
  ['JSV', 'text/jsv'],
] as const;

/** #/sessions/{id}: the session's facts, members, its log as a timeline, its wire text, and edits. */
export function sessionView(ctx: ViewContext, id: string): View {
  const back = sessionStorage.getItem(LAST_LIST) ?? '#/sessions';
  const head = h('div');
  const body = h('div');
  clear(ctx.el, h('div.crumbs', null, h('a', { href: back }, '‹ Sessions'), h('span.faint', null, '  ·  Esc')), head, body);
  let session: Session | undefined;
  let disposed = false;

  clear(head, h('div.session-head', null, h('div.title', null, h('h1', null, 'Loading…'), h('div.sub.mono', null, id))));

  async function load(): Promise<void> {
    try {
      const read = await readSession(id);
      if (disposed) return;
      session = read.session;
      render(read.session, read.via);
    } catch (err) {
      if (disposed) return;
      clear(body, h('div.notice.error', { role: 'alert' }, errorText(err)));
    }
  }

  function render(s: Session, via: string): void {
    const editBtn = h('button', { type: 'button', title: 'Edit (e)', onclick: edit }, 'Edit');
    const endBtn = h('button', { type: 'button', title: 'End the call (x)', onclick: end, disabled: s.ended === true }, 'End');
    const delBtn = h('button.danger', { type: 'button', title: 'Delete (Delete)', onclick: remove }, 'Delete');
    clear(head, h('div.session-head', null,
      h('div.title', null,
        h('h1', { title: s.displayName ?? '' }, s.displayName || 'Untitled session'),
        h('div.sub.mono', null, s.id),
        h('div.pills', null, statePill(s.callState, s.ended), s.channel ? h('span.pill.violet', null, s.channel) : null, s.direction ? h('span.pill.plain', null, s.direction) : null,
          s.ended ? h('span.pill.plain', null, `Ended${s.outcome ? `: ${s.outcome}` : ''}`) : h('span.pill.ok', null, 'Live')),
      ),
      h('div.row', null, editBtn, endBtn, delBtn),
    ));

    const log = s.log ?? [];
    const start = log[0]?.date ?? s.dateCreated;
    const timeline = log.length === 0
      ? h('div.empty', null, 'This session has no log entries.')
      : h('ol.timeline', { 'aria-label': 'Log' }, ...log.map((e, i) => h(`li${i === 0 ? '.first' : i === log.length - 1 ? '.last' : ''}`, null,
          h('time', { datetime: e.date ?? '' }, dateTime(e.date).slice(5)), h('span.offset', null, offset(start, e.date)), h('span.msg', null, e.message ?? ''))));

    const facts: [string, string | undefined][] = [
      ['Account', s.accountName], ['Customer', (s.customerBreadcrumb ?? []).map((c) => c.name).filter(Boolean).join(' › ') || s.customerName],
      ['Endpoint', s.endpointName], ['From', s.fromName ? `${s.fromName} <${s.fromAddress ?? ''}>` : s.fromAddress], ['To', s.toAddress], ['Destination', s.destination],
      ['Answered by', s.answeredByName], ['Created', dateTime(s.dateCreated)], ['Last modified', dateTime(s.dateLastModified)], ['Completed', dateTime(s.dateCompleted)],
      ['Queue state', s.queueState], ['Dial state', s.dialState], ['Hold', s.holdReason && s.holdReason !== 'None' ? `${s.holdReason}${s.holdQueueName ? ` in ${s.holdQueueName}` : ''}` : s.holdQueueName],
      ['Parent session', s.parentSessionId], ['Call SID', s.callSid],
    ];
    const members = s.members ?? [];
    const wire = wireCard(s.id);
    clear(body, h('div.session-layout', null,
      h('div.grid', null,
        h('section.card', null, h('header', null, h('h2', null, `Timeline`), h('span.sub', null, `${log.length} log entr${log.length === 1 ? 'y' : 'ies'}`)), h('div.card-body', null, timeline)),
        wire,
      ),
      h('div.grid', null,
        h('section.card', null, h('header', null, h('h2', null, 'Members'), h('span.sub', null, String(members.length))), h('div.card-body', null,
          members.length === 0 ? h('div.sub', null, 'No members.') : h('div.members', null, ...members.map((m) => h('div.member', null,
            avatar(m.avatarUrl, m.displayName ?? m.identity ?? ''),
            h('div.who', null, h('b', null, m.displayName || m.identity || '(unnamed)'), h('span', null, [m.role, m.identity].filter(Boolean).join(' · '))),
            statePill(m.callState === 'None' ? 'Left' : m.callState, m.callState === 'None'),
          ))))),
        h('section.card', null, h('header', null, h('h2', null, 'Details')), h('div.card-body', null,
          h('dl.facts', null, ...facts.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v ?? '')])),
          h('div.sub', { style: 'margin-top:10px' }, `Read with ${via}`))),
      ),
    ));
  }

  async function edit(): Promise<void> {
    if (!session) return;
    const area = h('textarea', { rows: 22, spellcheck: 'false', 'aria-label': 'Session JSON' });
    area.value = JSON.stringify(session, null, 2);
    const problem = h('div');
    const dialog = h('dialog', { style: 'max-width:760px;width:90vw' },
      h('h3', null, 'Edit session'),
      h('p.sub', null, 'The whole SessionInfo, as PUT /__admin/sessions/{id} takes it; the mock validates it against the spec.'),
      area, problem,
      h('div.row', { style: 'justify-content:flex-end;margin-top:12px' },
        h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'),
        h('button.primary', { type: 'button', onclick: async () => {
          let value: unknown;
          try {
            value = JSON.parse(area.value);
          } catch (err) {
            clear(problem, h('div.notice.error', null, `Not JSON: ${(err as Error).message}`));
            return;
          }
          try {
            await admin('PUT', `/__admin/sessions/${encodeURIComponent(id)}`, value);
            dialog.close();
            toast('Saved');
            void load();
          } catch (err) {
            clear(problem, h('div.notice.error', null, errorText(err)));
          }
        } }, 'Save')),
    );
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
  }

  async function end(): Promise<void> {
    if (!session || session.ended) return;
    const now = new Date().toISOString();
    try {
      await admin('PATCH', `/__admin/sessions/${encodeURIComponent(id)}`, {
        callState: 'Disconnected', ended: true, dateCompleted: now, outcome: session.outcome ?? 'Ended from the console',
        log: [...(session.log ?? []), { date: now, message: 'Call ended from the evo-mock console' }],
      });
      toast('Ended');
      void load();
    } catch (err) {
      toast(`End failed: ${errorText(err)}`, 'bad');
    }
  }

  async function remove(): Promise<void> {
    if (!confirm(`Delete session ${id}? It stays deleted after a restart (snapshots keep their copy).`)) return;
    try {
      await admin('DELETE', `/__admin/sessions/${encodeURIComponent(id)}`);
      toast('Deleted');
      ctx.navigate(back);
    } catch (err) {
      toast(`Delete failed: ${errorText(err)}`, 'bad');
    }
  }

  void load();
  return {
    title: 'Session',
    onKey(e) {
      if (e.key === 'Escape' || e.key === 'Backspace') ctx.navigate(back);
      else if (e.key === 'e') void edit();
      else if (e.key === 'x') void end();
      else if (e.key === 'Delete') void remove();
      else return false;
      return true;
    },
    dispose: () => {
      disposed = true;
    },
  };
}

/** The session as GetSession answers it in each format: the exact text a client of that format reads. */
function wireCard(id: string): HTMLElement {
  const out = h('div');
  const meta = h('span.sub.mono');
  const pretty = h('input', { type: 'checkbox', 'aria-label': 'Pretty-print' });
  pretty.checked = localStorage.getItem(PRETTY) === 'true';
  let current = 0;
  let sent = { status: 0, contentType: '', text: '' };
  const tabs = WIRE_FORMATS.map(([label], i) => {
    const b = h('button', { type: 'button', role: 'tab', 'aria-selected': i === 0 ? 'true' : 'false' }, label);
    b.addEventListener('click', () => void show(i));
    return b;
  });
  async function show(i: number): Promise<void> {
    current = i;
    tabs.forEach((t, j) => t.setAttribute('aria-selected', String(i === j)));
    const [, accept] = WIRE_FORMATS[i] ?? WIRE_FORMATS[0];
    sent = await publicText(`/sessions/${encodeURIComponent(id)}`, accept);
    if (current !== i) return;
    meta.textContent = `GET /sessions/{id} · ${sent.status} · ${sent.contentType.split(';')[0]}`;
    paint();
  }
  function paint(): void {
    const accept = WIRE_FORMATS[current]?.[1];
    if (!pretty.checked) {
      clear(out, textBlock(sent.text));
      return;
    }
    if (accept === 'application/json') {
      try {
        clear(out, jsonBlock(JSON.stringify(JSON.parse(sent.text), null, 2)));
        return;
      } catch {
        // Not JSON after all: as sent.
      }
    }
    clear(out, textBlock(accept === 'application/xml' ? sent.text.replace(/></g, '>\n<') : sent.text));
  }
  pretty.addEventListener('change', () => {
    localStorage.setItem(PRETTY, String(pretty.checked));
    paint();
  });
  void show(0);
  return h('section.card', null,
    h('div.tabs', { role: 'tablist', 'aria-label': 'Wire format' }, ...tabs, h('span.spacer'),
      h('span', { style: 'align-self:center;padding-right:12px' }, meta),
      h('label.check', { style: 'padding-right:8px', title: 'Off: the exact text the API sent' }, pretty, 'Pretty')),
    out,
  );
}

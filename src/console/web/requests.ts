import { admin, ApiError, CONSOLE_HEADER, errorText } from './api.js';
import { clear, h, jsonBlock, num, statusCode, textBlock, timeOnly, toast } from './dom.js';
import type { View, ViewContext } from './view.js';

/** A journal entry as GET /__admin/requests and its stream send it. */
export interface JournalEntry {
  id: number;
  time: string;
  method: string;
  path: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string;
  bodyTruncated?: boolean;
  operation?: string;
  user?: string;
  format?: string;
  behaviour?: string;
  status: number;
  fault?: string;
  durationMs?: number;
  response?: { headers?: Record<string, string>; body?: string; bodyTruncated?: boolean };
}

/** The view keeps this many rows; the journal itself keeps what the mock was told to (1 000 by default). */
const KEEP = 500;
const HIDE_OWN = 'evo-console.hide-own';

/** The console's own calls: marked by a header, or its page and assets (which the browser fetches itself). */
function isConsoles(e: JournalEntry): boolean {
  const headers = e.headers ?? {};
  const page = e.path === '/' && e.method === 'GET' && /text\/html/.test(headers['accept'] ?? '') && e.status === 200;
  return page || headers[CONSOLE_HEADER.toLowerCase()] !== undefined || e.path.startsWith('/__console') || e.path.startsWith('/__avatars/') || e.path === '/__admin/requests/stream';
}

/** #/requests: the request journal, newest first, live from its stream, with a request's whole exchange. */
export function requestsView(ctx: ViewContext): View {
  ctx.el.classList.add('requests');
  let entries: JournalEntry[] = [];
  let selected = -1;
  let paused = false;
  let source: EventSource | undefined;
  let hideOwn = localStorage.getItem(HIDE_OWN) !== 'false';

  const dot = h('span.live-dot');
  const liveLabel = h('span.sub', null, 'connecting…');
  const pauseBtn = h('button', { type: 'button', title: 'Pause or resume the live stream (space)' }, 'Pause');
  const clearBtn = h('button.danger', { type: 'button', title: 'Empty the journal (DELETE /__admin/requests)' }, 'Clear journal');
  const own = h('input', { type: 'checkbox' });
  own.checked = hideOwn;
  const filter = h('input', { type: 'search', placeholder: 'Filter: path, operation, user, status', 'aria-label': 'Filter requests', style: 'width:280px' });
  const count = h('span.sub', null, '');
  const tbody = h('tbody');
  const table = h('table.data', { 'aria-label': 'Requests' },
    h('colgroup', null, ...['78px', '62px', '', '52px', '17%', '18%', '92px', '46px'].map((w) => h('col', { style: w ? `width:${w}` : '' }))),
    h('thead', null, h('tr', null, ...['Time', 'Method', 'Path', 'Status', 'Operation', 'User', 'Behaviour', 'ms'].map((t) => h('th', { scope: 'col' }, t)))),
    tbody,
  );
  const detail = h('div');
  const notice = h('div');
  clear(ctx.el,
    h('div.head', null, h('h1', null, 'Requests'), dot, liveLabel, count, h('span.spacer'), filter, h('label.check', null, own, 'Hide the console’s own'), pauseBtn, clearBtn),
    notice,
    h('div.split', null, h('div.table-wrap', null, table), detail),
  );
  showDetail(undefined);

  function visible(): JournalEntry[] {
    const text = filter.value.trim().toLowerCase();
    return entries.filter((e) => (!hideOwn || !isConsoles(e)) && (!text || [e.path, e.operation, e.user, String(e.status), e.method, e.behaviour].some((v) => v?.toLowerCase().includes(text))));
  }

  function row(e: JournalEntry, fresh: boolean): HTMLTableRowElement {
    const tr = h('tr', { 'data-id': String(e.id), onclick: () => pick(e.id) },
      h('td.mono', null, timeOnly(e.time)),
      h('td', null, h('span.method', null, e.method)),
      h('td.mono', { title: e.path + (e.query ? `?${e.query}` : '') }, e.path, e.query ? h('span.faint', null, `?${e.query}`) : null),
      h('td', null, e.status === 0 ? h('span.status.s5', null, e.fault ?? 'cut') : statusCode(e.status)),
      h('td', null, e.operation ?? h('span.faint', null, '—')),
      h('td', null, e.user ?? h('span.faint', null, 'anonymous')),
      h('td', null, e.behaviour ? h('span.pill.warn', null, e.behaviour) : ''),
      h('td.mono', { style: 'text-align:right' }, e.durationMs !== undefined ? String(Math.round(e.durationMs)) : ''),
    );
    if (fresh) tr.classList.add('new');
    if (e.id === selected) tr.classList.add('sel');
    return tr;
  }

  function render(): void {
    const list = visible();
    count.textContent = `${num(list.length)} shown`;
    if (list.length === 0) clear(tbody, h('tr', null, h('td.empty', { colspan: 8 }, 'No request yet. Call the mock (or open a view) and it appears here.')));
    else clear(tbody, ...list.map((e) => row(e, false)));
  }

  function add(e: JournalEntry): void {
    if (entries.some((x) => x.id === e.id)) return;
    entries.unshift(e);
    if (entries.length > KEEP) entries.length = KEEP;
    if (paused) return;
    if ((hideOwn && isConsoles(e)) || !visible().includes(e)) return;
    tbody.querySelector('td.empty')?.closest('tr')?.remove();
    tbody.prepend(row(e, true));
    while (tbody.children.length > KEEP) tbody.lastElementChild?.remove();
    count.textContent = `${num(tbody.children.length)} shown`;
  }

  function pick(id: number): void {
    selected = id;
    tbody.querySelectorAll('tr.sel').forEach((tr) => tr.classList.remove('sel'));
    const tr = tbody.querySelector(`tr[data-id="${id}"]`);
    tr?.classList.add('sel');
    tr?.scrollIntoView({ block: 'nearest' });
    showDetail(entries.find((e) => e.id === id));
  }

  function showDetail(e: JournalEntry | undefined): void {
    if (!e) {
      clear(detail, h('section.card', null, h('div.card-body.sub', null, 'Select a request (click, or j / k) to see its whole exchange.')));
      return;
    }
    const kv = (headers: Record<string, string> | undefined) => h('dl.kv', null, ...Object.entries(headers ?? {}).flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
    const bodyOf = (text: string | undefined, truncated: boolean | undefined) => {
      if (text === undefined || text === '') return h('div.sub', null, 'No body.');
      let shown: HTMLElement;
      try {
        shown = jsonBlock(JSON.stringify(JSON.parse(text), null, 2));
      } catch {
        shown = textBlock(text);
      }
      return h('div', null, shown, truncated ? h('div.sub', null, 'Cut at the journal’s body limit.') : null);
    };
    const facts: [string, string | undefined][] = [
      ['Operation', e.operation ?? '(reached none)'], ['User', e.user], ['Format', e.format], ['Behaviour', e.behaviour], ['Fault', e.fault], ['Duration', e.durationMs !== undefined ? `${e.durationMs} ms` : undefined], ['Time', e.time],
    ];
    clear(detail, h('section.card.exchange', null,
      h('header', null, h('span.method', null, e.method), h('span.mono', { style: 'overflow-wrap:anywhere' }, e.path + (e.query ? `?${e.query}` : '')), h('span.spacer', { style: 'flex:1' }), e.status === 0 ? h('span.status.s5', null, e.fault ?? 'no answer') : statusCode(e.status)),
      h('div.card-body', null,
        h('dl.facts', null, ...facts.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v ?? '')])),
        h('h3', null, 'Request headers'), kv(e.headers),
        h('h3', null, 'Request body'), bodyOf(e.body, e.bodyTruncated),
        h('h3', null, 'Response headers'), kv(e.response?.headers),
        h('h3', null, 'Response body'), bodyOf(e.response?.body, e.response?.bodyTruncated),
      )));
  }

  async function load(): Promise<void> {
    try {
      const page = await admin<{ requests: JournalEntry[]; total: number }>('GET', `/__admin/requests?limit=${KEEP}`);
      const known = new Set(entries.map((e) => e.id));
      entries = [...entries, ...page.requests.filter((e) => !known.has(e.id))].sort((a, b) => b.id - a.id).slice(0, KEEP);
      render();
      connect();
    } catch (err) {
      dot.classList.remove('on');
      liveLabel.textContent = 'unavailable';
      const missing = err instanceof ApiError && err.missing;
      clear(notice, h(`div.notice${missing ? '.warn' : '.error'}`, { role: 'alert', style: 'margin-bottom:12px' },
        missing ? 'This mock has no request journal (GET /__admin/requests answered 404).' : `Reading the journal failed: ${errorText(err)}`));
      render();
    }
  }

  function connect(): void {
    source?.close();
    source = new EventSource('/__admin/requests/stream');
    const onEntry = (ev: MessageEvent<string>) => {
      try {
        add(JSON.parse(ev.data) as JournalEntry);
      } catch {
        // A comment or keep-alive line.
      }
    };
    source.addEventListener('message', onEntry);
    source.addEventListener('request', onEntry as EventListener);
    source.addEventListener('open', () => {
      dot.classList.add('on');
      liveLabel.textContent = paused ? 'paused' : 'live';
    });
    source.addEventListener('error', () => {
      dot.classList.remove('on');
      liveLabel.textContent = 'reconnecting…';
    });
  }

  function togglePause(): void {
    paused = !paused;
    pauseBtn.textContent = paused ? 'Resume' : 'Pause';
    liveLabel.textContent = paused ? 'paused' : 'live';
    if (!paused) render();
  }

  function move(delta: number): void {
    const list = visible();
    if (list.length === 0) return;
    const at = list.findIndex((e) => e.id === selected);
    const next = list[Math.max(0, Math.min(list.length - 1, at < 0 ? 0 : at + delta))];
    if (next) pick(next.id);
  }

  pauseBtn.addEventListener('click', togglePause);
  clearBtn.addEventListener('click', async () => {
    try {
      await admin('DELETE', '/__admin/requests');
      entries = [];
      selected = -1;
      render();
      showDetail(undefined);
      toast('Journal cleared');
    } catch (err) {
      toast(`Clear failed: ${errorText(err)}`, 'bad');
    }
  });
  own.addEventListener('change', () => {
    hideOwn = own.checked;
    localStorage.setItem(HIDE_OWN, String(hideOwn));
    render();
  });
  filter.addEventListener('input', render);
  void load();

  return {
    title: 'Requests',
    onKey(e) {
      if (e.key === 'j' || e.key === 'ArrowDown') move(1);
      else if (e.key === 'k' || e.key === 'ArrowUp') move(-1);
      else if (e.key === ' ') togglePause();
      else if (e.key === '/') filter.focus();
      else if (e.key === 'Escape') {
        selected = -1;
        tbody.querySelectorAll('tr.sel').forEach((tr) => tr.classList.remove('sel'));
        showDetail(undefined);
      } else return false;
      return true;
    },
    dispose: () => source?.close(),
  };
}

/** Small DOM and formatting helpers: the console builds its views with these, no framework. */

type Child = Node | string | number | false | null | undefined;
type Attrs = Record<string, string | number | boolean | undefined | null | EventListener>;

/** h('button.primary', { onclick }, 'Save'): an element with classes, attributes, listeners and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K | `${K}.${string}` | `${K}#${string}`, attrs?: Attrs | null, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const [name, ...classes] = tag.split('.');
  const [tagName, id] = (name ?? 'div').split('#');
  const el = document.createElement((tagName ?? 'div') as K);
  if (id) el.id = id;
  if (classes.length > 0) el.className = classes.join(' ');
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, ''), value);
    else if (key === 'class') el.className = [el.className, String(value)].filter(Boolean).join(' ');
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(typeof child === 'number' ? String(child) : child);
  }
}

export function clear(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  append(el, children);
}

export function $(selector: string, root: ParentNode = document): HTMLElement {
  const el = root.querySelector(selector);
  if (!(el instanceof HTMLElement)) throw new Error(`the page has no ${selector}`);
  return el;
}

export function toast(message: string, kind: 'info' | 'bad' = 'info'): void {
  const box = document.getElementById('toasts');
  if (!box) return;
  const t = h('div.toast', { role: kind === 'bad' ? 'alert' : 'status' }, message);
  if (kind === 'bad') t.classList.add('bad');
  box.append(t);
  setTimeout(() => t.remove(), kind === 'bad' ? 7000 : 3500);
}

const numberFormat = new Intl.NumberFormat('en');
export const num = (n: number): string => numberFormat.format(n);

/** "2026-11-20 09:14:03" in local time: fixed width, so columns do not move. */
export function dateTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function timeOnly(iso: string | undefined): string {
  return dateTime(iso).slice(11);
}

/** "+1:05" or "+1:02:03" after a start. */
export function offset(fromIso: string | undefined, iso: string | undefined): string {
  if (!fromIso || !iso) return '';
  const s = Math.max(0, Math.round((Date.parse(iso) - Date.parse(fromIso)) / 1000));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `+${hh}:${String(mm).padStart(2, '0')}:${ss}` : `+${mm}:${ss}`;
}

export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m}m ${seconds % 60}s`;
  const hrs = Math.floor(m / 60);
  if (hrs < 48) return `${hrs}h ${m % 60}m`;
  return `${Math.floor(hrs / 24)}d ${hrs % 24}h`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

/** A state's colour: live states stand out, ended ones recede, trouble is red. */
export function statePill(state: string | undefined, ended?: boolean): HTMLElement {
  const text = state ?? 'Unknown';
  const kind = ended
    ? 'plain'
    : /^(Connected|Answered|Bridged)/i.test(text)
      ? 'ok'
      : /^(Ringing|Queued|Dialing|Initiated|Trying)/i.test(text)
        ? 'info'
        : /Hold|Transfer/i.test(text)
          ? 'warn'
          : /(Failed|Busy|NoAnswer|Missed|Abandon|Cancel)/i.test(text)
            ? 'bad'
            : 'plain';
  return h(`span.pill.${kind}`, null, text);
}

export function statusCode(status: number): HTMLElement {
  return h(`span.status.s${Math.floor(status / 100)}`, null, String(status));
}

/** Pretty JSON with token colours; the text is what was sent, re-indented. */
export function jsonBlock(value: unknown): HTMLElement {
  const pre = h('pre.code');
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  const re = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    pre.append(text.slice(last, m.index));
    if (m[1] !== undefined) pre.append(h(m[2] ? 'span.k' : 'span.s', null, m[1]), m[2] ?? '');
    else pre.append(h('span.n', null, m[0]));
    last = (m.index ?? 0) + m[0].length;
  }
  pre.append(text.slice(last));
  return pre;
}

export function textBlock(text: string): HTMLElement {
  return h('pre.code', null, text);
}

export function debounce<A extends unknown[]>(fn: (...a: A) => void, ms: number): (...a: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...a: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...a), ms);
  };
}

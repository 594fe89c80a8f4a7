import { admin, errorText } from './api.js';
import { bytes, clear, dateTime, duration, h, num } from './dom.js';
import type { View, ViewContext } from './view.js';

interface Health {
  status: string;
  sessions: number;
  version?: string;
  startedAt?: string;
  uptimeSeconds?: number;
  requests?: number;
  seed?: number;
  seededAt?: string;
  nowFixed?: boolean;
  clock?: string;
  storeFile?: string;
  storeBytes?: number;
}

const POLL_MS = 2000;
const HISTORY = 60;

/** #/health: GET /__admin/health every two seconds; requests per second from two readings of its count. */
export function healthView(ctx: ViewContext): View {
  const tile = (label: string) => {
    const value = h('div.value', null, '–');
    const hint = h('div.hint', null, '');
    return { el: h('div.card.stat', null, h('div.label', null, label), value, hint), value, hint };
  };
  const tiles = {
    status: tile('Status'),
    sessions: tile('Sessions stored'),
    size: tile('Store on disk'),
    uptime: tile('Uptime'),
    rate: tile('Requests per second'),
    total: tile('Requests answered'),
    seed: tile('Seed'),
    now: tile('--now'),
    clock: tile('Mock clock'),
  };
  const spark = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  spark.setAttribute('class', 'spark');
  spark.setAttribute('viewBox', `0 0 ${HISTORY - 1} 36`);
  spark.setAttribute('preserveAspectRatio', 'none');
  tiles.rate.el.append(spark);
  const notice = h('div');
  clear(ctx.el,
    h('div.head', null, h('h1', null, 'Health'), h('span.sub', null, `GET /__admin/health every ${POLL_MS / 1000} s`)),
    notice,
    h('div.grid.stats', null, ...Object.values(tiles).map((t) => t.el)),
  );

  const rates: number[] = [];
  let last: { at: number; requests: number } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  async function poll(): Promise<void> {
    try {
      const health = await admin<Health>('GET', '/__admin/health');
      const at = performance.now();
      clear(notice);
      paint(health);
      if (health.requests !== undefined) {
        if (last) {
          // The console's own poll is one of the requests counted; leave it out of the rate.
          const rate = Math.max(0, (health.requests - last.requests - 1) / ((at - last.at) / 1000));
          rates.push(rate);
          if (rates.length > HISTORY) rates.shift();
          tiles.rate.value.textContent = rate < 10 ? rate.toFixed(1) : num(Math.round(rate));
          tiles.rate.hint.textContent = `peak ${num(Math.round(Math.max(...rates)))} over the last ${rates.length * (POLL_MS / 1000)} s`;
          drawSpark();
        }
        last = { at, requests: health.requests };
      }
    } catch (err) {
      clear(notice, h('div.notice.error', { role: 'alert', style: 'margin-bottom:12px' }, `The mock did not answer: ${errorText(err)}`));
      tiles.status.value.textContent = 'down';
    } finally {
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    }
  }

  function paint(x: Health): void {
    tiles.status.value.textContent = x.status;
    tiles.status.hint.textContent = x.version ? `evo-mock ${x.version}` : '';
    tiles.sessions.value.textContent = num(x.sessions);
    tiles.size.value.textContent = x.storeBytes !== undefined ? bytes(x.storeBytes) : '–';
    tiles.size.hint.textContent = x.storeFile ?? 'no store file reported';
    tiles.size.hint.title = x.storeFile ?? '';
    tiles.uptime.value.textContent = x.uptimeSeconds !== undefined ? duration(x.uptimeSeconds) : '–';
    tiles.uptime.hint.textContent = x.startedAt ? `since ${dateTime(x.startedAt)}` : '';
    tiles.total.value.textContent = x.requests !== undefined ? num(x.requests) : '–';
    tiles.seed.value.textContent = x.seed !== undefined ? String(x.seed) : '–';
    tiles.seed.hint.textContent = x.seededAt ? `seeded for ${dateTime(x.seededAt)}` : '';
    tiles.now.value.textContent = x.nowFixed ? 'pinned' : 'wall clock';
    tiles.now.hint.textContent = x.nowFixed && x.seededAt ? x.seededAt : 'no --now: dates follow the system clock';
    tiles.clock.value.textContent = x.clock ? dateTime(x.clock).slice(11) : '–';
    tiles.clock.hint.textContent = x.clock ? dateTime(x.clock).slice(0, 10) : '';
  }

  function drawSpark(): void {
    const max = Math.max(1, ...rates);
    const pts = rates.map((r, i) => `${i + (HISTORY - rates.length)},${(34 - (r / max) * 32).toFixed(1)}`);
    const line = `M${pts.join(' L')}`;
    const first = HISTORY - rates.length;
    spark.innerHTML = `<path class="area" d="${line} L${HISTORY - 1},36 L${first},36 Z"></path><path d="${line}"></path>`;
  }

  void poll();
  return {
    title: 'Health',
    dispose: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

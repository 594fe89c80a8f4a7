/**
 * The console's stylesheet, served at /__console/assets/console.css. It lives in a module so the
 * package's one build ships it (the front end's scripts have their own tsconfig; this has no types).
 * System fonts only: the console loads nothing from anywhere else.
 */
/**
 * The dark palette, once: it applies when the system prefers dark and the page is not set to light,
 * and when the page is set to dark (the theme switch), whatever the system prefers.
 */
const DARK = String.raw`
  --bg: #0f1115; --panel: #171a20; --panel-2: #1d2129; --border: #2a2f3a; --border-strong: #3a4150;
  --text: #e6e9ef; --muted: #a0a8b5; --faint: #6f7887;
  --accent: #7c93ff; --accent-weak: #232b4a; --accent-text: #0f1115;
  --ok: #4fd18b; --ok-weak: #15301f; --warn: #f0b454; --warn-weak: #33280f; --bad: #ff7b72; --bad-weak: #3a1a18;
  --info: #6cb6ff; --info-weak: #132a40; --violet: #b69cff; --violet-weak: #2a2144;
  --row-hover: #1c2028; --row-sel: #232b4a; --shadow: 0 1px 2px rgba(0,0,0,.4);
  --code-bg: #12151a;
  color-scheme: dark;
`;

export const CONSOLE_CSS = String.raw`
:root {
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Ubuntu, Cantarell, sans-serif;
  --mono: ui-monospace, "SF Mono", "Cascadia Mono", "JetBrains Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
  --bg: #f6f7f9; --panel: #ffffff; --panel-2: #f0f2f5; --border: #dfe3e8; --border-strong: #c7cdd5;
  --text: #1b1f24; --muted: #5c6672; --faint: #8a939e;
  --accent: #3d5bd9; --accent-weak: #e8ecfc; --accent-text: #ffffff;
  --ok: #1a7f4b; --ok-weak: #e3f4ea; --warn: #9a6200; --warn-weak: #fdf1da; --bad: #c0362c; --bad-weak: #fbe7e5;
  --info: #1f6fb2; --info-weak: #e3f0fb; --violet: #6e48c9; --violet-weak: #efe9fb;
  --row-hover: #f3f5f8; --row-sel: #e8ecfc; --shadow: 0 1px 2px rgba(16,24,40,.06), 0 1px 3px rgba(16,24,40,.08);
  --code-bg: #f5f6f8; --radius: 8px; --row-h: 36px;
  color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) {${DARK}  }
}
:root[data-theme="dark"] {${DARK}}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font: 14px/1.45 var(--font); background: var(--bg); color: var(--text); -webkit-font-smoothing: antialiased; }
code, pre, kbd, .mono { font-family: var(--mono); font-size: 12.5px; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; border-radius: 4px; }
kbd { display: inline-block; min-width: 18px; padding: 0 5px; border: 1px solid var(--border-strong); border-bottom-width: 2px; border-radius: 4px; font-size: 11px; line-height: 16px; text-align: center; color: var(--muted); background: var(--panel); }
h1 { font-size: 18px; font-weight: 650; margin: 0; letter-spacing: -.01em; }
h2 { font-size: 13px; font-weight: 650; margin: 0 0 10px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
h3 { font-size: 14px; font-weight: 600; margin: 0 0 6px; }

.app { display: grid; grid-template-columns: 212px minmax(0, 1fr); height: 100vh; }
.side { display: flex; flex-direction: column; gap: 16px; padding: 16px 12px; border-right: 1px solid var(--border); background: var(--panel); }
.brand { display: flex; align-items: center; gap: 8px; font-weight: 700; font-size: 15px; padding: 0 6px; }
.brand small { font-weight: 500; color: var(--faint); font-size: 11px; margin-left: auto; }
.logo { width: 20px; height: 20px; border-radius: 6px; background: linear-gradient(135deg, var(--accent), var(--violet)); }
.nav { display: flex; flex-direction: column; gap: 2px; }
.nav a { display: flex; align-items: center; justify-content: space-between; padding: 7px 8px; border-radius: 6px; color: var(--text); font-weight: 500; }
.nav a:hover { background: var(--row-hover); text-decoration: none; }
.nav a[aria-current="page"] { background: var(--accent-weak); color: var(--accent); }
.nav kbd { opacity: .8; }
.side-foot { margin-top: auto; display: flex; flex-direction: column; gap: 8px; }
.view { overflow: auto; padding: 20px 24px 32px; outline: none; scrollbar-gutter: stable; }
.view.full { padding: 0; }

.head { display: flex; align-items: center; gap: 12px; min-height: 34px; margin-bottom: 14px; flex-wrap: wrap; }
.head .spacer { flex: 1; }
.sub { color: var(--muted); font-size: 13px; }
.crumbs { color: var(--muted); font-size: 13px; margin-bottom: 4px; }

button, .button { font: inherit; font-weight: 550; font-size: 13px; height: 30px; padding: 0 12px; border-radius: 6px; border: 1px solid var(--border-strong); background: var(--panel); color: var(--text); cursor: pointer; display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }
button:hover { background: var(--row-hover); }
button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-text); }
button.primary:hover { filter: brightness(1.07); }
button.danger { color: var(--bad); border-color: color-mix(in srgb, var(--bad) 45%, var(--border)); }
button.danger:hover { background: var(--bad-weak); }
button.ghost { border-color: transparent; background: transparent; color: var(--muted); justify-content: flex-start; }
button.ghost:hover { background: var(--row-hover); color: var(--text); }
button:disabled { opacity: .5; cursor: not-allowed; }
input, select, textarea { font: inherit; font-size: 13px; font-weight: 400; color: var(--text); background: var(--panel); border: 1px solid var(--border-strong); border-radius: 6px; height: 30px; padding: 0 8px; min-width: 0; }
textarea { height: auto; padding: 8px; font-family: var(--mono); font-size: 12.5px; line-height: 1.5; resize: vertical; width: 100%; }
input[type="checkbox"] { height: auto; accent-color: var(--accent); }
input:focus, select:focus, textarea:focus { outline: none; border-color: var(--accent); box-shadow: 0 0 0 3px var(--accent-weak); }
.field { display: flex; flex-direction: column; gap: 4px; font-size: 12px; color: var(--muted); font-weight: 550; }
.field > span { white-space: nowrap; }
.check { display: flex; align-items: center; gap: 6px; font-size: 13px; font-weight: 400; color: var(--text); height: 30px; white-space: nowrap; }

.filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px 12px; padding: 12px; background: var(--panel); border: 1px solid var(--border); border-radius: var(--radius); margin-bottom: 12px; align-items: end; }
.filters .wide { grid-column: span 2; }

.card { background: var(--panel); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); }
.card > .card-body { padding: 14px 16px; }
.card > header { display: flex; align-items: center; gap: 8px; padding: 12px 16px; border-bottom: 1px solid var(--border); }
.card > header h2 { margin: 0; }
.grid { display: grid; gap: 14px; }
.grid.two { grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); }
.grid.stats { grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); }
.stat { padding: 14px 16px; }
.stat .label { font-size: 12px; color: var(--muted); font-weight: 550; }
.stat .value { font-size: 24px; font-weight: 650; margin-top: 4px; font-variant-numeric: tabular-nums; letter-spacing: -.01em; min-height: 34px; }
.stat .hint { font-size: 12px; color: var(--faint); margin-top: 2px; min-height: 17px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }

.table-wrap { background: var(--panel); border: 1px solid var(--border); border-radius: var(--radius); overflow: hidden; }
table.data { width: 100%; border-collapse: collapse; table-layout: fixed; font-variant-numeric: tabular-nums; }
table.data th { position: sticky; top: 0; background: var(--panel-2); text-align: left; font-size: 12px; font-weight: 600; color: var(--muted); padding: 0 10px; height: 34px; border-bottom: 1px solid var(--border); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
table.data th button.sort { all: unset; cursor: pointer; display: inline-flex; gap: 4px; align-items: center; }
table.data th button.sort:focus-visible { outline: 2px solid var(--accent); }
table.data td { height: var(--row-h); padding: 0 10px; border-bottom: 1px solid var(--border); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
table.data tbody tr:last-child td { border-bottom: none; }
table.data tbody tr { cursor: pointer; }
table.data tbody tr:hover { background: var(--row-hover); }
table.data tbody tr.sel { background: var(--row-sel); box-shadow: inset 3px 0 0 var(--accent); }
table.data tbody tr.placeholder td { color: transparent; }
table.data tbody tr.placeholder td::after { content: ""; display: block; height: 10px; border-radius: 4px; background: var(--panel-2); }
table.data tr.new { animation: flash 1.2s ease-out; }
@keyframes flash { from { background: var(--accent-weak); } to { background: transparent; } }
.empty { padding: 40px 16px; text-align: center; color: var(--muted); }
.pager { display: flex; align-items: center; gap: 10px; padding: 10px 2px 0; color: var(--muted); font-size: 13px; font-variant-numeric: tabular-nums; min-height: 40px; }
.pager .spacer { flex: 1; }

.pill { display: inline-flex; align-items: center; gap: 5px; height: 20px; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; background: var(--panel-2); color: var(--muted); white-space: nowrap; }
.pill::before { content: ""; width: 6px; height: 6px; border-radius: 50%; background: currentColor; }
.pill.plain::before { display: none; }
.pill.ok { background: var(--ok-weak); color: var(--ok); }
.pill.warn { background: var(--warn-weak); color: var(--warn); }
.pill.bad { background: var(--bad-weak); color: var(--bad); }
.pill.info { background: var(--info-weak); color: var(--info); }
.pill.violet { background: var(--violet-weak); color: var(--violet); }
.status { font-family: var(--mono); font-weight: 650; }
.status.s2 { color: var(--ok); } .status.s3 { color: var(--info); } .status.s4 { color: var(--warn); } .status.s5 { color: var(--bad); }
.method { font-family: var(--mono); font-weight: 650; font-size: 12px; }
.muted { color: var(--muted); } .faint { color: var(--faint); }

.session-head { display: flex; gap: 14px; align-items: flex-start; margin-bottom: 16px; }
.session-head .title { flex: 1; min-width: 0; }
.session-head h1 { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.session-head .pills { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 6px; }
.session-layout { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 14px; align-items: start; }
@media (max-width: 1100px) { .session-layout { grid-template-columns: 1fr; } }
dl.facts { display: grid; grid-template-columns: 130px minmax(0, 1fr); gap: 6px 12px; margin: 0; font-size: 13px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.members { display: flex; flex-direction: column; gap: 10px; }
.member { display: grid; grid-template-columns: 36px minmax(0, 1fr) auto; gap: 10px; align-items: center; }
.avatar { width: 36px; height: 36px; border-radius: 50%; background: var(--panel-2); object-fit: cover; display: block; }
.avatar.blank { display: grid; place-items: center; font-size: 13px; font-weight: 650; color: var(--muted); }
.member .who { min-width: 0; }
.member .who b { display: block; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.member .who span { display: block; font-size: 12px; color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }

.timeline { list-style: none; margin: 0; padding: 0 0 0 4px; position: relative; }
.timeline::before { content: ""; position: absolute; left: 10px; top: 6px; bottom: 6px; width: 2px; background: var(--border); }
.timeline li { position: relative; display: grid; grid-template-columns: 22px 116px 64px minmax(0, 1fr); gap: 8px; padding: 7px 0; align-items: baseline; }
.timeline li::before { content: ""; position: relative; left: 2px; top: 1px; width: 10px; height: 10px; border-radius: 50%; background: var(--panel); border: 2px solid var(--accent); box-sizing: border-box; }
.timeline li.first::before { background: var(--accent); }
.timeline li.last::before { border-color: var(--muted); background: var(--muted); }
.timeline time { font-family: var(--mono); font-size: 12px; color: var(--muted); }
.timeline .offset { font-family: var(--mono); font-size: 12px; color: var(--faint); }
.timeline .msg { overflow-wrap: anywhere; white-space: pre-wrap; }

.tabs { display: flex; gap: 2px; border-bottom: 1px solid var(--border); padding: 0 8px; }
.tabs button { border: none; background: none; border-radius: 0; height: 38px; color: var(--muted); border-bottom: 2px solid transparent; margin-bottom: -1px; }
.tabs button[aria-selected="true"] { color: var(--text); border-bottom-color: var(--accent); }
.tabs .spacer { flex: 1; }
pre.code { margin: 0; padding: 12px 14px; background: var(--code-bg); overflow: auto; max-height: 520px; line-height: 1.5; white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 2; }
pre.code .k { color: var(--info); } pre.code .s { color: var(--ok); } pre.code .n { color: var(--violet); } pre.code .p { color: var(--faint); }

.split { display: grid; grid-template-columns: minmax(0, 1fr) minmax(340px, 36%); gap: 14px; align-items: start; }
.split > :last-child { position: sticky; top: 0; max-height: calc(100vh - 90px); overflow: auto; }
@media (max-width: 1100px) { .split { grid-template-columns: 1fr; } }
.exchange h3 { margin-top: 14px; }
.kv { display: grid; grid-template-columns: minmax(120px, max-content) minmax(0, 1fr); gap: 2px 12px; font-family: var(--mono); font-size: 12px; }
.kv dt { color: var(--muted); } .kv dd { margin: 0; overflow-wrap: anywhere; }

.form-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 10px 12px; align-items: end; }
.row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.list { list-style: none; margin: 0; padding: 0; }
.list li { display: flex; gap: 10px; align-items: center; padding: 8px 0; border-top: 1px solid var(--border); min-height: 44px; }
.list li:first-child { border-top: none; }
.list li .grow { flex: 1; min-width: 0; }
.list li .grow b { font-weight: 600; }
.list li .grow div { color: var(--muted); font-size: 12px; overflow: hidden; text-overflow: ellipsis; }
.notice { padding: 10px 12px; border-radius: 6px; background: var(--info-weak); color: var(--text); font-size: 13px; border: 1px solid color-mix(in srgb, var(--info) 30%, transparent); }
.notice.error { background: var(--bad-weak); border-color: color-mix(in srgb, var(--bad) 35%, transparent); }
.notice.warn { background: var(--warn-weak); border-color: color-mix(in srgb, var(--warn) 35%, transparent); }
.live-dot { width: 8px; height: 8px; border-radius: 50%; background: var(--faint); display: inline-block; }
.live-dot.on { background: var(--ok); box-shadow: 0 0 0 3px var(--ok-weak); }
.clock-face { font-family: var(--mono); font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
.spark { width: 100%; height: 36px; display: block; margin-top: 6px; }
.spark path { fill: none; stroke: var(--accent); stroke-width: 1.5; }
.spark path.area { fill: var(--accent-weak); stroke: none; }

.toasts { position: fixed; right: 16px; bottom: 16px; display: flex; flex-direction: column; gap: 8px; z-index: 20; pointer-events: none; }
.toast { pointer-events: auto; background: var(--text); color: var(--bg); padding: 9px 14px; border-radius: 8px; font-size: 13px; box-shadow: var(--shadow); max-width: 460px; animation: rise .18s ease-out; }
.toast.bad { background: var(--bad); color: #fff; }
@keyframes rise { from { transform: translateY(6px); opacity: 0; } to { transform: none; opacity: 1; } }
dialog { border: 1px solid var(--border); border-radius: 10px; background: var(--panel); color: var(--text); padding: 18px 20px; box-shadow: 0 12px 32px rgba(0,0,0,.25); max-width: 520px; }
dialog::backdrop { background: rgba(10, 12, 16, .45); }
dialog table { border-collapse: collapse; width: 100%; }
dialog td { padding: 4px 8px; font-size: 13px; }

/* The API reference: Swagger UI in the console's fonts and colours. */
.reference { background: var(--panel); min-height: 100%; }
.reference .swagger-ui, .reference .swagger-ui .info .title, .reference .swagger-ui .opblock-tag, .reference .swagger-ui .opblock .opblock-summary-description,
.reference .swagger-ui .btn, .reference .swagger-ui select, .reference .swagger-ui .parameter__name, .reference .swagger-ui table thead tr th, .reference .swagger-ui .response-col_status,
.reference .swagger-ui .tab li, .reference .swagger-ui .opblock-description-wrapper p, .reference .swagger-ui .model-title, .reference .swagger-ui .info p, .reference .swagger-ui .info li { font-family: var(--font); }
.reference .swagger-ui .model, .reference .swagger-ui .prop-type, .reference .swagger-ui .opblock-summary-path, .reference .swagger-ui .microlight, .reference .swagger-ui pre { font-family: var(--mono) !important; }
.reference .swagger-ui .wrapper { max-width: 1200px; padding: 0 24px; }
.reference .swagger-ui .scheme-container { background: transparent; box-shadow: none; border-bottom: 1px solid var(--border); padding: 14px 0; }
.reference .ref-bar { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; padding: 12px 24px; border-bottom: 1px solid var(--border); background: var(--panel); position: sticky; top: 0; z-index: 5; }
.dark-mode .reference .swagger-ui, .dark-mode .reference { background: var(--panel); }

@media (max-width: 760px) {
  .app { grid-template-columns: 1fr; grid-template-rows: auto 1fr; }
  .side { flex-direction: row; flex-wrap: wrap; align-items: center; padding: 8px 12px; border-right: none; border-bottom: 1px solid var(--border); }
  .nav { flex-direction: row; flex-wrap: wrap; }
  .nav kbd { display: none; }
  .side-foot { margin: 0 0 0 auto; flex-direction: row; }
  .view { padding: 14px; }
}
`;

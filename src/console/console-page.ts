/** What the page knows before it asks the API anything: who can sign in, and the accounts' names. */
export interface ConsoleBoot {
  readonly version: string;
  /** The fixture users (their passwords are printed by the start-up banner too): the console signs in as one. */
  readonly users: readonly { userName: string; password: string; displayName: string; roles: string[]; accountIds: string[] }[];
  readonly accounts: readonly { id: string; name: string }[];
  /** False when the front end has not been compiled (a checkout without `npm run build`). */
  readonly built: boolean;
}

const NAV = [
  ['sessions', 'Sessions', '1'],
  ['requests', 'Requests', '2'],
  ['control', 'Control', '3'],
  ['health', 'Health', '4'],
  ['reference', 'API reference', '5'],
] as const;

/**
 * The console's one HTML page. The shell (navigation, user, theme) is here so it paints before any
 * script runs and nothing moves when the views arrive; the boot data is a JSON block, not a script.
 */
export function consolePage(boot: ConsoleBoot): string {
  const json = JSON.stringify(boot).replace(/</g, '\\u003c');
  const nav = NAV.map(([id, label, key]) => `<a href="#/${id}" data-nav="${id}"><span>${label}</span><kbd>${key}</kbd></a>`).join('');
  const script = boot.built
    ? '<script type="module" src="/__console/assets/main.js"></script>'
    : '';
  const notBuilt = boot.built
    ? ''
    : '<div class="notice error" role="alert">The console\'s scripts are not built. Run <code>npm run build</code> (it compiles src/console/web), then reload.</div>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>evo-mock console</title>
<link rel="icon" href="data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="4" fill="#4f6bed"/><path d="M4 5h8M4 8h6M4 11h8" stroke="#fff" stroke-width="1.6" stroke-linecap="round"/></svg>')}">
<link rel="stylesheet" href="/__console/assets/console.css">
<script type="application/json" id="boot">${json}</script>
</head>
<body>
<div class="app">
  <aside class="side">
    <div class="brand"><span class="logo" aria-hidden="true"></span><span>evo-mock</span><small>${escapeHtml(boot.version)}</small></div>
    <nav class="nav" aria-label="Views">${nav}</nav>
    <div class="side-foot">
      <label class="field"><span>Signed in as</span><select id="user" aria-label="Dev user the console signs in as"></select></label>
      <button type="button" id="theme" class="ghost" title="Theme (t)">Theme: <span id="theme-name">auto</span></button>
      <button type="button" id="keys" class="ghost" title="Keyboard shortcuts (?)">Shortcuts <kbd>?</kbd></button>
    </div>
  </aside>
  <main id="view" class="view" tabindex="-1">${notBuilt}</main>
</div>
<div id="toasts" class="toasts" aria-live="polite"></div>
${script}
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

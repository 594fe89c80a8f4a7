import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { packageRoot } from '../spec/package-root.js';
import type { Fixtures } from '../store/fixtures.js';
import { avatarRoute } from './avatar-svg.js';
import { CONSOLE_CSS } from './console-css.js';
import { CONSOLE_PATH } from './console-path.js';
import { consolePage, type ConsoleBoot } from './console-page.js';

export interface ConsoleOptions {
  readonly fixtures: Fixtures;
  readonly version: string;
  /** The compiled front end (src/console/web built by its own tsconfig); default dist/src/console/web. */
  readonly scriptsDir?: string;
}

/** Where `npm run build` writes the front end (inside dist/src, which the package ships). */
export function defaultScriptsDir(): string {
  return join(packageRoot(), 'dist', 'src', 'console', 'web');
}


/**
 * The web console: a page at /__console (and at / for a browser, which asks for text/html; an API
 * client asking / for anything else keeps its ServiceStack 404), its scripts and styles, the API
 * reference's library, the spec it reads, and the generated avatars. Everything is served from the
 * package: the page's Content-Security-Policy lets it load nothing from, and send nothing to, any
 * other origin. The page drives the mock only through the public and admin APIs.
 */
export function consoleRoutes(options: ConsoleOptions): Router {
  const scriptsDir = options.scriptsDir ?? defaultScriptsDir();
  const boot: ConsoleBoot = {
    version: options.version,
    users: options.fixtures.users.map((u) => ({
      userName: u.userName,
      password: u.password,
      displayName: `${u.firstName} ${u.lastName}`,
      roles: [...u.roles],
      accountIds: [...u.accountIds],
    })),
    accounts: options.fixtures.accounts.map((a) => ({ id: a.id, name: a.name })),
    built: existsSync(join(scriptsDir, 'main.js')),
  };
  const html = consolePage(boot);
  const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const specFile = join(packageRoot(), 'spec', 'openapi.json');

  const router = Router();
  const themed = {
    dark: html.replace('<html lang="en">', '<html lang="en" data-theme="dark" class="dark-mode">'),
    light: html.replace('<html lang="en">', '<html lang="en" data-theme="light">'),
  };
  // The theme chosen in the console comes back as a cookie, so the first frame is already in it.
  const page: RequestHandler = (req, res) => {
    const theme = /(?:^|;\s*)evo-console-theme=(dark|light)\b/.exec(req.headers.cookie ?? '')?.[1] as 'dark' | 'light' | undefined;
    sendText(res, 'text/html; charset=utf-8', theme ? themed[theme] : html, 'no-store', true);
  };
  router.get('/', (req, res, next) => {
    if (wantsHtml(req)) page(req, res, next);
    else next();
  });
  router.get(CONSOLE_PATH, page);
  router.get(`${CONSOLE_PATH}/`, page);
  router.get(`${CONSOLE_PATH}/assets/console.css`, (_req, res) => sendText(res, 'text/css; charset=utf-8', CONSOLE_CSS, 'no-cache'));
  router.get(`${CONSOLE_PATH}/assets/:file`, fileFrom(scriptsDir, /^[a-z0-9-]+\.js$/, 'no-cache'));
  router.get(`${CONSOLE_PATH}/reference/:file`, fileFrom(swaggerDir, /^swagger-ui(-bundle\.js|\.css)$/, 'public, max-age=86400'));
  let spec: Buffer | undefined;
  // No .json suffix: the mock reads one as a format request (ServiceStack's route extensions).
  router.get(`${CONSOLE_PATH}/openapi`, (_req, res) => sendText(res, 'application/json; charset=utf-8', (spec ??= readFileSync(specFile)), 'no-cache'));
  router.get('/__avatars/:file', avatarRoute());
  return router;
}

/**
 * A browser navigating asks for text/html first; curl and API clients send * / * or a data type.
 * ServiceStack's own rule is the same: an HTML page only for an explicit text/html.
 */
function wantsHtml(req: Request): boolean {
  return HTML_FIRST.test(req.headers.accept ?? '') && !/[?&]format=/.test(req.originalUrl);
}

const HTML_FIRST = /(^|,)\s*text\/html\s*(;|,|$)/i;

function fileFrom(dir: string, allowed: RegExp, cache: string): RequestHandler {
  return (req, res, next) => {
    const name = String(req.params['file'] ?? '');
    const file = join(dir, name);
    if (!allowed.test(name) || !existsSync(file)) {
      next();
      return;
    }
    sendText(res, name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8', readFileSync(file), cache);
  };
}

function sendText(res: Response, type: string, body: string | Buffer, cache: string, isPage = false): void {
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', cache);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (isPage) {
    // The console's promise that it works offline, enforced by the browser: nothing from elsewhere.
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    res.setHeader('Referrer-Policy', 'no-referrer');
  }
  res.end(body);
}

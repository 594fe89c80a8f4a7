import { existsSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import type { Browser, ConsoleMessage, Page, Request } from 'playwright-core';
import { packageRoot } from '../../src/spec/package-root.js';

/** Debian's Chromium, driven by playwright-core (no browser download), as the other browser test does. */
export const CHROMIUM = '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const chromiumSkip = existsSync(CHROMIUM) ? false : `Chromium is not installed at ${CHROMIUM} (apt-get install chromium); CI installs it`;

/** Where the tests write their screenshots (git-ignored); two of them are copied into docs/images for the README. */
export const SCREENSHOTS = join(packageRoot(), '.screenshots', 'console');

/**
 * The console's front end compiled with its own tsconfig (the one `npm run build` uses) into a temp
 * folder, so the test runs today's sources rather than whatever dist/ holds.
 */
export async function compileConsole(): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'evo-console-web-'));
  const configFile = join(packageRoot(), 'src', 'console', 'web', 'tsconfig.json');
  const read = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, join(packageRoot(), 'src', 'console', 'web'));
  const program = ts.createProgram(parsed.fileNames, { ...parsed.options, outDir: out, noEmit: false });
  const emitted = program.emit();
  const problems = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (problems.length > 0) throw new Error(ts.formatDiagnostics(problems, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => packageRoot(), getNewLine: () => '\n' }));
  return out;
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  await mkdir(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}

/** Everything a page asked for and every error it logged, for the offline and no-error assertions. */
export interface Watched {
  readonly requests: string[];
  readonly errors: string[];
}

export function watch(page: Page): Watched {
  const watched: Watched = { requests: [], errors: [] };
  page.on('request', (r: Request) => watched.requests.push(r.url()));
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') watched.errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e: Error) => watched.errors.push(e.message));
  return watched;
}

/** The little of the DOM the tests' in-page predicates read (the test project has no DOM types). */
interface PageElement {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  readonly complete?: boolean;
  readonly naturalWidth?: number;
}

/**
 * globalThis as a page has it. Predicates that Playwright runs inside the page must be self-contained
 * (each function is serialised alone), so they cast globalThis to this rather than call a helper.
 */
export interface InPage {
  readonly document: { querySelector(s: string): PageElement | null; querySelectorAll(s: string): ArrayLike<PageElement> };
}

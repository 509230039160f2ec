import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { SAMPLE_TODAY } from '../fixtures/sample-term';
import { serveDist, type StaticServer } from './server';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = resolve(__dirname, '../../test-output/screenshots');
/**
 * A fixed reference date, so the sample gives the same findings every day: its own day (示例日期), late in
 * the term its 谈心记录 covers (tests/fixtures/sample-term.ts).
 */
export const TODAY = SAMPLE_TODAY;

export const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught page errors and console errors (CSP violations show up here). */
  readonly problems: string[];
  close(): Promise<void>;
}

export interface SessionOptions {
  readonly locale?: 'zh-CN' | 'en-US';
  readonly userAgent?: string;
  readonly colorScheme?: 'light' | 'dark';
  readonly forcedColors?: 'active' | 'none';
  readonly viewport?: { width: number; height: number };
}

/** Debian's Chromium with a fresh profile directory, removed again on close. */
export async function openSession(options: SessionOptions = {}): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'pane-test-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: options.locale ?? 'zh-CN',
    userAgent: options.userAgent,
    colorScheme: options.colorScheme ?? 'light',
    forcedColors: options.forcedColors ?? 'none',
    viewport: options.viewport ?? { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A session as the tests of a describe see it: its hooks open and close it, so a test has no close. */
export type TestSession = Omit<Session, 'close'>;
/** The served dist/ as the tests of a describe see it (its hooks start and stop it). */
export type TestServer = Omit<StaticServer, 'close'>;

function inTest<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is only there inside a test, after its beforeAll or beforeEach`);
  return value;
}

/** Call inside a describe block (or at a file's top): serves dist/ before its tests and stops after them. */
export function distServer(): TestServer {
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveDist();
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get origin() {
      return inTest(server, 'the served dist/').origin;
    },
    get served() {
      return inTest(server, 'the served dist/').served;
    },
  };
}

/**
 * Call inside a describe block (or at a file's top): a browser session opened before its tests and closed
 * after them — or, `per: 'test'`, a fresh one for each test (a clean profile: nothing remembered). Read its
 * `page`, `context` and `problems` inside the tests. A step that fails says which after 30 s, long before a
 * test's own limit.
 */
export function paneSession(options: SessionOptions = {}, per: 'describe' | 'test' = 'describe'): TestSession {
  let session: Session | undefined;
  const open = async () => {
    session = await openSession(options);
    session.page.setDefaultTimeout(30_000);
  };
  const close = async () => {
    await session?.close();
    session = undefined;
  };
  if (per === 'test') {
    beforeEach(open);
    afterEach(close);
  } else {
    beforeAll(open);
    afterAll(close);
  }
  return {
    get context() {
      return inTest(session, 'the browser session').context;
    },
    get page() {
      return inTest(session, 'the browser session').page;
    },
    get problems() {
      return inTest(session, 'the browser session').problems;
    },
  };
}

/** The built pane served from dist/ and one browser session on it, shared by the tests of a describe block. */
export interface ServedSession {
  readonly server: TestServer;
  readonly session: TestSession;
}

/**
 * Call inside a describe block: opens a session and serves dist/ before its tests, closes both after
 * (the session first — jest runs after-hooks in the order they were declared — so the page lets go of the
 * server). Read `server` and `session` inside the tests.
 */
export function useServedSession(options: SessionOptions = {}): ServedSession {
  const session = paneSession(options);
  const server = distServer();
  return { server, session };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/**
 * axe-core with every rule it runs by default; returns "rule: target" lines for a readable failure.
 * Tabster's focus sentinels (<i tabindex=0 aria-hidden data-tabster-dummy>, which Fluent puts around
 * arrow-key groups and which pass focus on at once) are left out: axe cannot see that they never hold focus.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Colours are measured as they settle: a button still in its CSS colour transition (a view just shown, a
  // loaded machine) reads as low contrast. Spinners run forever and are not waited for.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const result = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

/** How many times an operation of the pane started (the pane marks each start for the performance timeline). */
export function operationStarts(page: Page, labelKey: string): Promise<number> {
  return page.evaluate((name) => performance.getEntriesByName(name).length, `op-start:${labelKey}`);
}

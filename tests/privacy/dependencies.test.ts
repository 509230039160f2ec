/**
 * The data is about minors: nothing the add-in ships may phone home. Static checks over what ships:
 *  - the installed tree of the runtime `dependencies` holds no telemetry or analytics package;
 *  - src/ imports only runtime dependencies (no devDependency-only Office tool, no usage-data package);
 *  - src/ opens no network channel except the standalone page fetching its own bundled sample.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Package names (or scopes, or name fragments) that collect usage data or errors and send them away. */
const TELEMETRY: readonly RegExp[] = [
  /^office-addin-usage-data$/,
  /^office-addin-telemetry/,
  /^applicationinsights/,
  /^@microsoft\/applicationinsights-/,
  /^@microsoft\/1ds-/,
  /^@microsoft\/oteljs/,
  /^@azure\/monitor-/,
  /^analytics(-node)?$/,
  /^@segment\//,
  /^segment/,
  /mixpanel/,
  /^@sentry\//,
  /^sentry/,
  /^raven(-js)?$/,
  /posthog/,
  /amplitude/,
  /google-analytics/,
  /^ga-4-react$|^react-ga/,
  /^@datadog\//,
  /^dd-trace$/,
  /^newrelic$/,
  /^@newrelic\//,
  /^bugsnag|^@bugsnag\//,
  /^rollbar$/,
  /^logrocket/,
  /^@fullstory\//,
  /^hotjar|^@hotjar\//,
  /^heap-api$/,
  /^@opentelemetry\/exporter-/,
  /^universal-analytics$/,
  /^insight$/,
  /telemetry/,
];

export function isTelemetry(name: string): boolean {
  return TELEMETRY.some((re) => re.test(name));
}

/** Where node would resolve `name` from a package at `fromDir` (walking up node_modules folders). */
function resolvePackageDir(name: string, fromDir: string): string | null {
  let dir = fromDir;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) return path.dirname(candidate);
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

interface Walk {
  readonly visited: Map<string, string>; // dir -> name
  readonly missing: string[];
}

/** Every package reachable from the runtime dependencies through `dependencies` (and installed optional ones). */
function walkRuntimeTree(): Walk {
  const visited = new Map<string, string>();
  const missing: string[] = [];
  const queue: { name: string; from: string; optional: boolean }[] = Object.keys(pkg.dependencies).map((name) => ({ name, from: ROOT, optional: false }));
  while (queue.length) {
    const { name, from, optional } = queue.shift()!;
    const dir = resolvePackageDir(name, from);
    if (!dir) {
      if (!optional) missing.push(name);
      continue;
    }
    if (visited.has(dir)) continue;
    visited.set(dir, name);
    const meta = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
    };
    for (const dep of Object.keys(meta.dependencies ?? {})) queue.push({ name: dep, from: dir, optional: false });
    for (const dep of Object.keys(meta.optionalDependencies ?? {})) queue.push({ name: dep, from: dir, optional: true });
    // Installed peers are part of what runs (react-dom's react); absent ones are not.
    for (const dep of Object.keys(meta.peerDependencies ?? {})) queue.push({ name: dep, from: dir, optional: true });
  }
  return { visited, missing };
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx|js|mjs|cjs|html)$/.test(entry)) out.push(full);
  }
  return out;
}

/** Tests and test data live beside the code but do not ship. */
const isShipped = (file: string) => !/\.test\.tsx?$|\.test-data\.ts$|[\\/]testkit\.ts$/.test(file);

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

describe('the runtime dependency tree', () => {
  const walk = walkRuntimeTree();
  const names = [...new Set(walk.visited.values())].sort();

  it('is installed as package.json says, and the walk reaches past the direct dependencies', () => {
    expect(walk.missing).toEqual([]);
    for (const name of Object.keys(pkg.dependencies)) expect(names).toContain(name);
    // Fluent UI alone pulls in dozens of packages; a walk that stopped at the first level would see 7.
    expect(names.length).toBeGreaterThan(Object.keys(pkg.dependencies).length * 3);
  });

  it('holds no telemetry or analytics package', () => {
    expect(names.filter(isTelemetry)).toEqual([]);
  });

  it('the guard itself recognises the packages it is there for', () => {
    for (const name of [
      'office-addin-usage-data',
      'applicationinsights',
      '@microsoft/applicationinsights-web',
      'mixpanel-browser',
      '@sentry/browser',
      'posthog-js',
      '@amplitude/analytics-browser',
      'analytics',
      '@segment/analytics-next',
      'react-ga4',
    ]) {
      expect([name, isTelemetry(name)]).toEqual([name, true]);
    }
    for (const name of ['react', '@fluentui/react-components', 'fflate', 'tyme4ts', '@e965/xlsx', 'scheduler']) expect([name, isTelemetry(name)]).toEqual([name, false]);
  });
});

/** Module specifiers a file imports or requires (static and dynamic). */
function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const re of [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*(?:\/\*[^*]*\*\/\s*)?['"]([^'"]+)['"]/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]/g,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
  ]) {
    // A module specifier has no spaces or braces; "from {sheet}" in a message is not an import.
    for (const m of text.matchAll(re)) if (/^[@\w.][\w@./:-]*$/.test(m[1])) out.push(m[1]);
  }
  return out;
}

const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

describe('what src/ imports', () => {
  const files = sourceFiles(SRC).filter(isShipped);

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('only runtime dependencies and node built-ins (the CLI), never a dev-only Office tool or a usage-data package', () => {
    const bad: string[] = [];
    for (const file of files) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.') || spec.startsWith('node:')) continue;
        const name = packageOf(spec);
        const runtime = name in pkg.dependencies;
        // Type-only packages (@types/office-js) are erased at build time; they carry no code.
        if (!runtime || isTelemetry(name) || /^office-addin-/.test(name)) bad.push(`${rel(file)}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('node built-ins only in the command line, which never runs in the pane', () => {
    const offenders = files.filter(
      (f) =>
        !rel(f).startsWith('src/cli/') &&
        importsOf(readFileSync(f, 'utf8')).some((s) => s.startsWith('node:') || ['fs', 'http', 'https', 'net', 'child_process', 'dgram', 'tls'].includes(s)),
    );
    expect(offenders.map(rel)).toEqual([]);
  });
});

describe('network calls in src/', () => {
  /**
   * The only permitted calls: the standalone page fetching its own bundled sample by relative URL, and its
   * service worker passing on the page's own request for one of the app's files (same origin only: below).
   */
  const ALLOWED: readonly { file: string; line: RegExp }[] = [
    { file: 'src/standalone/StandaloneApp.tsx', line: /\bfetch\(SAMPLE_URL\)/ },
    { file: 'src/standalone/serviceWorker.ts', line: /\bfetch\(request\)/ },
  ];
  const NETWORK =
    /\bfetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts\s*\(|new\s+Worker\s*\(|\bhttp\.request|\bhttps\.(request|get)\b|\bnet\.connect|navigator\.connection/;

  it('none but the allowed one', () => {
    const found: string[] = [];
    for (const file of sourceFiles(SRC).filter(isShipped)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (!NETWORK.test(line)) return;
          if (/^\s*(\/\/|\*|\/\*)/.test(line)) return; // comments
          if (ALLOWED.some((a) => a.file === rel(file) && a.line.test(line))) return;
          found.push(`${rel(file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('the allowed fetch is of a relative URL, the bundled sample', () => {
    const app = readFileSync(path.join(SRC, 'standalone', 'StandaloneApp.tsx'), 'utf8');
    const url = /SAMPLE_URL\s*=\s*['"]([^'"]+)['"]/.exec(app)?.[1];
    expect(url).toMatch(/^\.\/assets\/[\w-]+\.xlsx$/);
  });

  it("the service worker passes on only the page's own same-origin GET requests, and fetches nothing of its own", () => {
    const worker = readFileSync(path.join(SRC, 'standalone', 'serviceWorker.ts'), 'utf8');
    const handler = worker.slice(worker.indexOf("addEventListener('fetch'"));
    const guards = [handler.indexOf("request.method !== 'GET') return"), handler.indexOf('url.origin !== scope.location.origin) return')];
    expect(guards.every((at) => at > 0)).toBe(true);
    expect(handler.indexOf('fetch(request)')).toBeGreaterThan(Math.max(...guards));
    // Installing reads only the build's list of the app's own files, relative to the worker.
    expect(worker).toMatch(/const FILES = '__PRECACHE_FILES__'/);
  });

  it('the scan would catch each kind of call', () => {
    for (const line of ["await fetch('https://x')", 'new XMLHttpRequest()', "new WebSocket('wss://x')", 'navigator.sendBeacon(u, d)']) expect(NETWORK.test(line)).toBe(true);
  });

  it('no absolute http(s) URL in shipped code other than Office.js and documentation links in comments', () => {
    const found: string[] = [];
    for (const file of sourceFiles(SRC).filter(isShipped)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const m of line.matchAll(/https?:\/\/[^\s'"`)<>]+/g)) {
            const url = m[0];
            if (/^\s*(\/\/|\*|\/\*)/.test(line)) continue;
            // Office.js itself, and its origin in the pages' Content-Security-Policy.
            if (/^https:\/\/appsforoffice\.microsoft\.com(\/lib\/1\/hosted\/[\w./-]*)?;?$/.test(url)) continue;
            // XML namespaces in the .xlsx writer are names, not addresses anything connects to (purl.oclc.org: strict OOXML).
            if (/^http:\/\/(schemas\.openxmlformats\.org|schemas\.microsoft\.com|purl\.org|purl\.oclc\.org|www\.w3\.org)\//.test(url)) continue;
            if (/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(url)) continue;
            found.push(`${rel(file)}:${i + 1}: ${url}`);
          }
        });
    }
    expect(found).toEqual([]);
  });
});

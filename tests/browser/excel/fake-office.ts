/**
 * Served in place of Microsoft's office.js when a browser test opens taskpane.html "inside Excel": the
 * globals Office and Excel, backed by the Office double, so the production pane bundle runs its Excel
 * path (Office.onReady reports Excel, createOfficePort(Excel, Office)) against a workbook the test
 * chose. The test sets, before the page loads:
 *   window.__excelTest = { workbook: base64 .xlsx, api: ExcelApi minor level, language: 'zh-CN' | 'en-US' }
 * and reads the double back through window.__excelDouble.
 */
import { createOfficeDouble } from '../../office-double';
import { insertWorksheetsFromBase64 } from '../../office-double/insert';

interface ExcelTestSetup {
  readonly workbook: string;
  readonly api: number;
  readonly language: string;
}

const setup = (window as unknown as { __excelTest: ExcelTestSetup }).__excelTest;
const double = createOfficeDouble({ api: setup.api });
insertWorksheetsFromBase64(double.state, setup.workbook);
double.state.activeSheet = double.state.sheets[0];

const office = {
  onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
  context: {
    displayLanguage: setup.language,
    officeTheme: undefined,
    requirements: double.office.context.requirements,
    document: double.office.context.document,
  },
};

Object.assign(window, { Office: office, Excel: double.excel, __excelDouble: double });

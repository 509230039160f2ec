import type { HostCapabilities } from '../port';

/** The highest ExcelApi minor version this module knows how to use; probing stops here. */
export const HIGHEST_KNOWN_EXCEL_API = 20;

/**
 * What the host supports, from Office.context.requirements.isSetSupported — never from the platform
 * name, because the same platform ships different requirement sets by licence and update channel.
 */
export interface OfficeFeatures {
  /** Highest ExcelApi minor version supported (1 means ExcelApi 1.1). */
  readonly api: number;
  readonly usedRangeValuesOnly: boolean; // 1.2
  readonly columnWidth: boolean; // 1.2
  readonly conditionalFormats: boolean; // 1.6
  readonly hyperlinks: boolean; // 1.7
  readonly freezePanes: boolean; // 1.7
  readonly dataValidation: boolean; // 1.8
  /** Worksheet.pageLayout and horizontalPageBreaks (paper, orientation, margins, print titles, breaks). */
  readonly pageLayout: boolean; // 1.9
  readonly createWorkbook: boolean; // 1.8 (Excel.createWorkbook)
  /**
   * Excel.run's delayForCellEdit: wait for the teacher to leave cell edit instead of failing. No
   * requirement set is documented for it (Learn's Excel.RunOptions and the typings give none; the "1.5"
   * printed above RunOptions in the typings belongs to RequestContext.runtime). Microsoft's client takes
   * the option on every host and sends it only where the host reports its "DelayForCellEdit" set
   * (excel-web-16.00.debug.js, onBeforeExcelRun), so it is always asked for.
   */
  readonly delayForCellEdit: boolean;
  readonly mergedAreas: boolean; // 1.13
  /** Workbook.insertWorksheetsFromBase64: ExcelApi 1.13, and not on iOS (Learn, "Work with workbooks"). */
  readonly insertWorksheets: boolean;
  /**
   * Excel on the web refuses to insert a file whose sheets hold a chart, comment, PivotTable or slicer
   * (UnsupportedFeature; Learn, "Work with workbooks"). A documented difference by platform, so read from
   * Office.context.platform, unlike the requirement sets above.
   */
  readonly insertRefusesCharts: boolean;
  readonly notes: boolean; // 1.18
  readonly undoGroup: boolean; // 1.20
}

export function detectFeatures(office: typeof Office): OfficeFeatures {
  const requirements = office.context?.requirements;
  let api = 0;
  if (requirements) {
    // Sets are cumulative: probe from the top, the first supported one is the level.
    for (let minor = HIGHEST_KNOWN_EXCEL_API; minor >= 1; minor--) {
      if (requirements.isSetSupported('ExcelApi', `1.${minor}`)) {
        api = minor;
        break;
      }
    }
  }
  // Office.PlatformType: "PC", "OfficeOnline", "Mac", "iOS", "Android", "Universal".
  const platform = String((office.context as { platform?: unknown } | undefined)?.platform ?? '');
  return {
    api,
    usedRangeValuesOnly: api >= 2,
    columnWidth: api >= 2,
    conditionalFormats: api >= 6,
    hyperlinks: api >= 7,
    freezePanes: api >= 7,
    dataValidation: api >= 8,
    pageLayout: api >= 9,
    createWorkbook: api >= 8,
    delayForCellEdit: api >= 1,
    mergedAreas: api >= 13,
    insertWorksheets: api >= 13 && platform !== 'iOS',
    insertRefusesCharts: platform === 'OfficeOnline',
    notes: api >= 18,
    undoGroup: api >= 20,
  };
}

export function toHostCapabilities(f: OfficeFeatures): HostCapabilities {
  return {
    host: 'excel',
    excelApi: f.api > 0 ? f.api : null,
    notes: f.notes,
    conditionalFormats: f.conditionalFormats,
    dataValidation: f.dataValidation,
    hyperlinks: f.hyperlinks,
    undoGroup: f.undoGroup,
    // The roll-up, the one plan inserted whole, draws charts: Excel on the web would refuse its file.
    insertSheets: f.insertWorksheets && !f.insertRefusesCharts,
    newWorkbook: f.createWorkbook,
  };
}

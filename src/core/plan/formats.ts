import type { ColumnFormat } from './types';

/**
 * The Excel number format code of each column format: one table for every port and for chart axes,
 * so a share reads the same in Excel, in the file the command line writes and on the chart.
 * Percent shows one decimal because the report sentences round shares to a tenth of a percent
 * (summary/labels formatShare): the table shows the figure the text quotes.
 */
export const FORMAT_CODE: Readonly<Record<ColumnFormat, string>> = {
  text: '@',
  date: 'yyyy-mm-dd',
  integer: '0',
  decimal: '0.00',
  percent: '0.0%',
  general: 'General',
};

/** The format of a date cell (PlanCell DateCell), whatever its column's format. */
export const DATE_FORMAT_CODE = FORMAT_CODE.date;

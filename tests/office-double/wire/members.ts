/**
 * Members Microsoft's client calls on the port's behalf, which the port itself never does (so proxy
 * mode has no use for them): setting `values`, `formulas` or `numberFormat` on more than 1,500 cells,
 * the client (setRangePropertiesInBulk, ExcelApi 1.3+) first sends `Range._ValidateArraySize(rows,
 * columns)`, then sets the array in slices of about 1,500 cells, each addressed as
 * `range.getRow(i).getBoundingRect(range.getRow(j))`. Added to the shared SPECS, not copied.
 */
import { SPECS } from '../api';
import type { Member, TypeSpec } from '../engine';
import { invalid, type Block, type SheetState } from '../state';

interface RangeT {
  readonly sheet: SheetState;
  readonly block: Block;
}

const CLIENT_RANGE_MEMBERS: Readonly<Record<string, Member>> = {
  getRow: {
    kind: 'method',
    returns: 'Range',
    call: (r: RangeT, [index]) => {
      const i = Number(index);
      if (!Number.isInteger(i) || i < 0 || i >= r.block.rows) throw invalid(`row ${String(index)} is outside the range`);
      return { sheet: r.sheet, block: { row: r.block.row + i, col: r.block.col, rows: 1, cols: r.block.cols } };
    },
  },
  getBoundingRect: {
    kind: 'method',
    returns: 'Range',
    takesObjects: true,
    call: (r: RangeT, [other]) => {
      const o = (other as { api?: string; target?: RangeT } | undefined)?.target;
      if (!o || typeof other !== 'object' || (other as { api?: string }).api !== 'Range') throw new Error('office-double: getBoundingRect is modeled with a Range object only');
      if (o.sheet !== r.sheet) throw invalid('bounding rectangle across sheets');
      const row = Math.min(r.block.row, o.block.row);
      const col = Math.min(r.block.col, o.block.col);
      const rows = Math.max(r.block.row + r.block.rows, o.block.row + o.block.rows) - row;
      const cols = Math.max(r.block.col + r.block.cols, o.block.col + o.block.cols) - col;
      return { sheet: r.sheet, block: { row, col, rows, cols } };
    },
  },
  _ValidateArraySize: {
    kind: 'method',
    since: 3,
    call: (r: RangeT, [rows, columns]) => {
      if (rows !== r.block.rows || columns !== r.block.cols) throw invalid(`a ${String(rows)}x${String(columns)} array for a ${r.block.rows}x${r.block.cols} range`);
    },
  },
};

export const WIRE_SPECS: Readonly<Record<string, TypeSpec>> = {
  ...SPECS,
  Range: { ...SPECS.Range, members: { ...SPECS.Range.members, ...CLIENT_RANGE_MEMBERS } },
};

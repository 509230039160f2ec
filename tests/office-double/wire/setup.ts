/** Jest setup for the "wire" project: every double the suites create answers Microsoft's office.js at the wire. */
import { registerWireMode } from '../index';
import { wireExcelRun } from './index';

registerWireMode(wireExcelRun, true);

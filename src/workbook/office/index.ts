export { createOfficePort, DEFAULT_MAX_READ_CELLS, type OfficePortOptions } from './officePort';
export { DEFAULT_SYNC_BUDGET_BYTES } from './batch';
export { detectFeatures, toHostCapabilities, type OfficeFeatures } from './capabilities';

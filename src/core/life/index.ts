/** The school's life around the children (issue 17): activities, interest groups, the 留守之家 roll call, the fund, training. */
export { NameIndex, type NameMatch, type NamedChild } from './names';
export {
  lifeChildren,
  parseActivityType,
  parseAmount,
  readLife,
  type ActivityEntry,
  type FundEntry,
  type GroupEntry,
  type LifeChild,
  type LifeRead,
  type RollCallEntry,
  type TrainingEntry,
} from './read';
export { lifeFigures, lifeJson, type LifeFigures, type LifeJson, type LifeRange } from './figures';
export { LIFE_SHEETS, lifeTemplateOp } from './templates';
export { ACTIVITY_TYPES, LIFE_RULE_IDS, LIFE_SEVERITY, type ActivityType, type LifeFinding, type LifeRuleId, type LifeSheetName } from './types';
export { awardsSheetOp, type AwardsInput } from './awards';
export { quarterOf, quarterlySheetOp, type Quarter, type QuarterlyInput } from './quarterly';
export {
  activityEntryPlan,
  childCellName,
  normalizeTime,
  registeredAdults,
  rollCallEntryPlan,
  type EntryMsg,
  type LifeEntryPlan,
  type NewActivity,
  type NewPickup,
  type NewRollCall,
  type RegisteredAdult,
} from './entries';

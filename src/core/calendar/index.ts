/**
 * Calendar types and the school-day calendar. The tyme4ts-backed ChineseCalendar lives in ./tyme and is
 * imported on its own (the pane loads it on demand), never from here.
 */
export {
  calendarNotes,
  FESTIVAL_KEYS,
  HOLIDAY_KEYS,
  type CalendarNote,
  type ChineseCalendar,
  type DateRange,
  type FestivalDay,
  type FestivalKey,
  type HolidayKey,
  type StatutoryDay,
} from './types';
export { buildSchoolCalendar, nextUsualTermStart, usualSchoolYear, weekdayOf, USUAL_TERMS, type SchoolCalendar, type SchoolTerms } from './school';

/** Reminders: what is due for whom, from the roster, the contact log, the settings and a calendar. */
export { buildReminders, compareItems, sortItems, type Msg, type OwnerRole, type ReminderInput, type ReminderItem, type ReminderKind, type ReminderResult } from './build';
export { calendarNoteText, ownerText, remindersSheetOp, renderMsg, statusText, todayView, type TodayView } from './sheet';
export { statusOf, weekWindow, STATUSES, type ReminderStatus } from './status';
export { contactsPlan, type ContactsPlan, type ContactsPlanInput } from './plan';
export { lifeReminderItems, type LifeReminderInput } from './life';

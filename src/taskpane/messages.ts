/**
 * The catalogues the Excel pane's first screen needs (common is built in). Every other domain's
 * messages come with the roster engine's chunk (its render module imports i18n/all), which keeps
 * ~100 KB of other features' text out of what the pane loads before it is interactive.
 */
import { registerMessages } from '../core/i18n';
import { office } from '../core/i18n/messages/office';
import { ui } from '../core/i18n/messages/ui';
import { viewTabs } from '../core/i18n/messages/viewTabs';

registerMessages(ui);
// The 结对 / 今日 / 汇总 tab labels are on the first screen too.
registerMessages(viewTabs);
// Office host failures can be reported before the roster engine has loaded.
registerMessages(office);

/**
 * Registers every domain's messages. Hosts (pane, CLI) import this once at start-up; each domain adds
 * its own line here when it adds a messages file.
 */
import { registerMessages } from './index';

export const registered = true;
void registerMessages;
import { cli } from './messages/cli';
registerMessages(cli);
import { office } from './messages/office';
registerMessages(office);
import { summary } from './messages/summary';
registerMessages(summary);
import { roster } from './messages/roster';
registerMessages(roster);
import { ui } from './messages/ui';
registerMessages(ui);
import { contacts } from './messages/contacts';
registerMessages(contacts);
import { pairing } from './messages/pairing';
registerMessages(pairing);
import { file } from './messages/file';
registerMessages(file);
import { workflow } from './messages/workflow';
registerMessages(workflow);
import { views } from './messages/views';
import { viewTabs } from './messages/viewTabs';
registerMessages(views);
registerMessages(viewTabs);
import { life } from './messages/life';
registerMessages(life);
import { cards } from './messages/cards';
registerMessages(cards);
import { lifeEntry } from './messages/lifeEntry';
registerMessages(lifeEntry);
import { settingsScreen } from './messages/settingsScreen';
registerMessages(settingsScreen);
import { undo } from './messages/undo';
registerMessages(undo);
import { standalone } from './messages/standalone';
registerMessages(standalone);
import { firstSteps } from './messages/firstSteps';
registerMessages(firstSteps);
import { sheets } from './messages/sheets';
registerMessages(sheets);

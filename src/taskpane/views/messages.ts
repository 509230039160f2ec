/**
 * The views' own text, registered as soon as a view's chunk loads: its first operation's label shows
 * before the computing core (which registers every catalogue) has arrived.
 */
import { registerMessages } from '../../core/i18n';
import { views } from '../../core/i18n/messages/views';

registerMessages(views);

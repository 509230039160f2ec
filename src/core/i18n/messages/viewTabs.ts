import type { DomainMessages } from '../index';

/**
 * Tab labels of the pane's 结对 / 今日 / 汇总 views, and of the 更多 menu the tabs that do not fit go into. In a file of their own because the Excel pane shows them
 * on its first screen: the views' full catalogue (messages/views.ts) comes later, with their code.
 */
export const viewTabs: DomainMessages = {
  'zh-CN': {
    'views.tab.pairing': '结对',
    'views.tab.today': '今日',
    'views.tab.summary': '汇总',
    'views.tab.dossier': '档案',
    'views.tab.settings': '设置',
    'views.tabs.more': '更多',
  },
  'en-US': {
    'views.tab.pairing': 'Pairing',
    'views.tab.today': 'Today',
    'views.tab.summary': 'Summary',
    'views.tab.dossier': 'Files',
    'views.tab.settings': 'Settings',
    'views.tabs.more': 'More',
  },
};

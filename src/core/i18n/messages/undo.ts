import type { DomainMessages } from '../index';

/**
 * The pane's one undo button, which names what it will undo ({sheet} as core/i18n/sheets.ts
 * `sheetInSentence` says it). On the pane's first screen: the button stays across tabs.
 */
export const undo: DomainMessages = {
  'zh-CN': {
    'undo.button': '撤销：{what}',
    'undo.host': '在 Excel 中按 Ctrl+Z（或点“撤销”）可以撤销：{what}',
    'undo.running': '正在撤销…',
    'undo.done': '已撤销：{what}。工作簿恢复到写入之前。',
    'undo.join': '{first}、{rest}',
    // A template (header only) is a new sheet to fill, not rows written.
    'undo.what.created': '{count, plural, =0 {新建{sheet}（只有表头）} other {写入{sheet}（{count} 行）}}',
    'undo.what.replaced': '写入{sheet}（{count} 行）',
    'undo.what.appended': '向{sheet}添加 {count} 行',
    'undo.what.cells': '修改{sheet}（{count} 处）',
    'undo.what.marked': '标记{sheet}（{count} 个单元格）',
    'undo.what.unmarked': '清除{sheet}上的标记',
    'undo.standalone': '当前以独立网页运行（不在 Excel 中）：文件只在本机浏览器中打开和处理。',
  },
  'en-US': {
    'undo.button': 'Undo: {what}',
    'undo.host': 'Press Ctrl+Z in Excel (or click Undo) to undo: {what}',
    'undo.running': 'Undoing…',
    'undo.done': 'Undone: {what}. The workbook is as it was before.',
    'undo.join': '{first}; {rest}',
    'undo.what.created': '{count, plural, =0 {creating {sheet} (headers only)} one {writing {sheet} ({count} row)} other {writing {sheet} ({count} rows)}}',
    'undo.what.replaced': 'writing {sheet} ({count, plural, one {{count} row} other {{count} rows}})',
    'undo.what.appended': 'adding {count, plural, one {{count} row} other {{count} rows}} to {sheet}',
    'undo.what.cells': 'changing {count, plural, one {{count} cell} other {{count} cells}} of {sheet}',
    'undo.what.marked': 'marking {count, plural, one {{count} cell} other {{count} cells}} on {sheet}',
    'undo.what.unmarked': 'removing the marks from {sheet}',
    'undo.standalone': 'Running as the standalone page (not in Excel): files are opened and processed only in this browser.',
  },
};

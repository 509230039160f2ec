import type { DomainMessages } from '../index';

/** Messages shared by every part of the add-in: app name, host failures, generic errors. */
export const common: DomainMessages = {
  'zh-CN': {
    'app.name': '留守儿童关爱助手',
    'error.unexpected': '操作没有完成：出现了意外问题。工作簿没有被修改。请重试；如果仍然出现，请联系学校的信息管理员。',
    'error.cancelled': '操作已取消，工作簿没有被修改。',
    // The one word for each severity wherever a finding or a count of them is shown (tests/i18n-severity.test.ts).
    'severity.error': '错误',
    'severity.warning': '警告',
    // A sheet of the teacher's inside a sentence (sheetInSentence; the add-in's own sheets are glossed in sheets.ts).
    'sheet.inSentence.other': '“{name}”',
    'host.noNotes': '此版本的 Excel 不支持批注（备注），只标记了底色。',
    'host.noConditionalFormats': '此版本的 Excel 不支持条件格式，已改用普通底色。',
    'host.noDataValidation': '此版本的 Excel 不支持数据验证，下拉列表未添加。',
    'host.noHyperlinks': '此版本的 Excel 不支持单元格超链接，已改用 HYPERLINK 公式。',
    'host.limits.title': '这个版本的 Excel 较旧，有 {count} 项功能用不了（点开查看）',
    'host.limits.whatToDo': '想全部使用：请更新 Office（Microsoft 365 或 Office 2021 以上），或改用网页版 Excel，或用本助手的独立网页版打开这个文件。',
    // For the school's IT person only: the API level stays out of the sentences above.
    'host.limits.details': '供信息管理员参考：此 Excel 支持的加载项接口版本为 ExcelApi 1.{level}。',
    'host.limit.hyperlinks': '单元格超链接：跳转链接改用 HYPERLINK 公式。',
    'host.limit.conditionalFormats': '条件格式：高亮改用普通底色。',
    'host.limit.notes': '批注：花名册上的问题单元格只加底色。',
    'host.limit.dataValidation': '数据验证：不添加下拉列表。',
    'host.limit.layout': '隐藏列、冻结表头、列宽，以及按月的折线图：都不做，统计数字照常写入。',
    'host.limit.newWorkbook': '打开新工作簿：脱敏导出请用独立网页版或命令行。',
    'host.limit.undo': 'Ctrl+Z 撤销不了加载项的操作：请用窗格里的“撤销上次操作”（只保留最近一次）。',
    'host.limit.insertSheets': '整表插入：多校汇总改为逐格写入，稍慢，结果相同。',
    'host.limit.merges':
      '合并单元格：读不出合并区域。花名册里合并了几行的班级、监护人或电话只算在第一行，下面各行会被报为“未填写”：请取消合并并把每行填满，或用独立网页版检查这个文件。',
  },
  'en-US': {
    'app.name': 'Left-behind Children Care Assistant',
    'error.unexpected':
      "The operation did not finish: something unexpected happened. The workbook was not changed. Try again; if it happens again, contact your school's IT coordinator.",
    'error.cancelled': 'Cancelled. The workbook was not changed.',
    'severity.error': 'Error',
    'severity.warning': 'Warning',
    'sheet.inSentence.other': 'the sheet “{name}”',
    'host.noNotes': 'This version of Excel has no notes; bad cells were only filled.',
    'host.noConditionalFormats': 'This version of Excel has no conditional formats; plain fills were used instead.',
    'host.noDataValidation': 'This version of Excel has no data validation; dropdowns were not added.',
    'host.noHyperlinks': 'This version of Excel has no cell hyperlinks; HYPERLINK formulas were used instead.',
    'host.limits.title': '{count, plural, one {This older Excel cannot do {count} thing} other {This older Excel cannot do {count} things}} (open to see)',
    'host.limits.whatToDo':
      "To use everything: update Office (Microsoft 365 or Office 2021 or later), or use Excel on the web, or open this file in the assistant's standalone page.",
    'host.limits.details': 'For IT: this Excel supports add-in API ExcelApi 1.{level}.',
    'host.limit.hyperlinks': 'Cell hyperlinks: links to cells use HYPERLINK formulas instead.',
    'host.limit.conditionalFormats': 'Conditional formats: highlights are plain fills instead.',
    'host.limit.notes': 'Notes: bad cells on the roster are only filled.',
    'host.limit.dataValidation': 'Data validation: no dropdowns are added.',
    'host.limit.layout': 'Hidden columns, frozen headers, column widths and the monthly line chart: left out; all figures are still written.',
    'host.limit.newWorkbook': 'Opening a new workbook: make the de-identified copy in the standalone page or on the command line.',
    'host.limit.undo': 'Ctrl+Z cannot undo the add-in\'s changes: use "Undo last operation" in the pane (the most recent one only).',
    'host.limit.insertSheets': 'Inserting whole sheets: the roll-up is written cell by cell instead, a little slower, with the same result.',
    'host.limit.merges':
      'Merged cells: merged areas cannot be read. A class, guardian or phone merged over several rows of the roster counts for its first row only, and the rows below are reported as blank: unmerge and fill each row, or check the file in the standalone page.',
  },
};

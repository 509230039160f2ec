import type { DomainMessages } from '../index';

/** Messages of the .xlsx file host (standalone page, command line). {sheet} is a sheet's name (t says it as in a sentence), {sheetName} one as written, {cell} a cell such as B7. */
export const file: DomainMessages = {
  'zh-CN': {
    'file.notXlsx': '这个文件不是能读取的表格文件（.xlsx、.xlsm、.xls、.et、.ods 或 .csv）。请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿 (*.xlsx)”后再试。',
    'file.damaged': '这个 Excel 文件已损坏或不完整（可能没有下载或复制完）。请重新获取文件，或在 Excel / WPS 中打开并另存一份后再试。',
    'file.encrypted': '这个工作簿设置了打开密码，无法读取。请在 Excel 或 WPS 中打开它，取消密码（“文件”→“信息”→“保护工作簿”）并保存后再试。',
    'file.legacyXls': '这是旧版 Excel 文件（.xls）。请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿 (*.xlsx)”后再试。',
    'file.xlsb': '这是 Excel 二进制工作簿（.xlsb），本工具不能读取。请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿 (*.xlsx)”后再试。',
    'file.converted': '这个文件是 .{format} 格式，结果另存为 {saveAs}，原文件没有改动。',
    'file.conflict': '工作表{sheet}在检查之后被修改过（行数不同了）。没有写入任何内容，请重新检查后再试。',
    'file.noSheet': '找不到工作表{sheet}，可能已被删除或重命名。',
    'file.notWorksheet': '{sheet}是图表工作表，不能写入单元格。请给它改名，或删除后再试。',
    'file.badSheetName': '“{sheetName}”不能用作工作表名称：名称最长 31 个字符，不能包含 \\ / ? * [ ] :，也不能以单引号开头或结尾。',
    'file.formulaCell': '工作表{sheet}的单元格 {cell} 存有一组公式的主公式，覆盖它会破坏其他单元格。没有写入任何内容，请先把它改成普通值。',
    'file.outOfRange': '要写入的位置超出了工作表{sheet}的最大行数或列数。没有写入任何内容。',
    'file.unknownOp': '操作没有完成：出现了无法识别的写入步骤（{op}）。工作簿没有被修改。',
    'file.validationTooLong': '下拉列表的选项太长（超过 255 个字符）或含有逗号，Excel 不支持，未添加该下拉列表。',
    'file.textTruncated': '有单元格的文字超过了 Excel 的上限 32767 个字符，超出部分没有写入。',
    'file.noteExists': '有的单元格已经有别人写的批注，为了不覆盖它，只标记了底色。',
    'file.protected': '工作表{sheet}受保护，没有写入任何内容。请在“审阅”中撤销工作表保护后重试。',
    'file.protectedWorkbook': '工作簿的结构受保护，不能添加工作表{sheet}。没有写入任何内容；请在“审阅”中撤销“保护工作簿”后重试。',
    'file.chartSkipped': '有图表引用的行或列超出了表格内容，该图表没有添加。',
    'file.strictReadOnly': '这个工作簿是“Strict Open XML”（严格）格式，只能读取，不能写回。没有写入任何内容；请在 Excel 中把它另存为“Excel 工作簿 (*.xlsx)”后再试。',
  },
  'en-US': {
    'file.notXlsx':
      'This file is not a spreadsheet this tool can read (.xlsx, .xlsm, .xls, .et, .ods or .csv). Open it in Excel or WPS, save it as "Excel Workbook (*.xlsx)", and try again.',
    'file.damaged':
      'This Excel file is damaged or incomplete (perhaps it was not fully downloaded or copied). Get the file again, or open it in Excel or WPS and save a copy, then try again.',
    'file.encrypted':
      'This workbook is protected with a password to open and cannot be read. Open it in Excel or WPS, remove the password (File > Info > Protect Workbook), save, and try again.',
    'file.legacyXls': 'This is an old-format Excel file (.xls). Open it in Excel or WPS, save it as "Excel Workbook (*.xlsx)", and try again.',
    'file.xlsb': 'This is an Excel binary workbook (.xlsb), which this tool cannot read. Open it in Excel or WPS, save it as "Excel Workbook (*.xlsx)", and try again.',
    'file.converted': 'This file is in .{format} format; the result is saved as {saveAs}, and the original file is unchanged.',
    'file.conflict': 'Nothing was written: {sheet} changed after it was checked (its rows are different). Check again and retry.',
    'file.noSheet': 'Not found: {sheet}; it may have been deleted or renamed.',
    'file.notWorksheet': 'Cannot write to {sheet}: it is a chart sheet, with no cells. Rename or delete it and try again.',
    'file.badSheetName': '"{sheetName}" cannot be a sheet name: at most 31 characters, none of \\ / ? * [ ] :, and no single quote at the start or end.',
    'file.formulaCell':
      'Cell {cell} on {sheet} holds the master formula of a group of cells; overwriting it would break them. Nothing was written; change it to a plain value first.',
    'file.outOfRange': 'The place to write is beyond the last row or column of {sheet}. Nothing was written.',
    'file.unknownOp': 'The operation did not finish: it contained a write step that is not known ({op}). The workbook was not changed.',
    'file.validationTooLong': 'A dropdown list was too long for Excel (over 255 characters) or contained a comma, so that dropdown was not added.',
    'file.textTruncated': 'Some cell text was longer than Excel allows (32,767 characters); the rest was not written.',
    'file.noteExists': 'Some cells already had a note by someone else; to keep it, those cells were only filled.',
    'file.protected': 'Nothing was written: {sheet} is protected. Unprotect it under Review and try again.',
    'file.protectedWorkbook': "The workbook's structure is protected, so {sheet} cannot be added. Nothing was written; turn off Protect Workbook under Review and try again.",
    'file.chartSkipped': "A chart referred to rows or columns outside the sheet's content, so that chart was not added.",
    'file.strictReadOnly':
      'This workbook is in Strict Open XML format, which can be read but not written back. Nothing was written; in Excel, save it as "Excel Workbook (*.xlsx)" and try again.',
  },
};

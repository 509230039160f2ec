import type { DomainMessages } from '../index';

/** Failures reported by the Excel (Office.js) host, in the teacher's terms. {sheet} is a sheet name; {code} Office's error code. */
export const office: DomainMessages = {
  'zh-CN': {
    'office.protected': '工作表受保护，无法写入（{code}）。请在“审阅”中撤销工作表保护后重试。',
    'office.editMode': 'Excel 正在编辑单元格，无法执行操作。请按 Enter 或 Esc 结束编辑后重试。',
    'office.tooLarge': '一次写入的数据超过了 Excel 的大小限制（{code}）。请重试；如果仍然出现，请联系学校的信息管理员。',
    'office.notFound': '找不到要操作的工作表或单元格（{code}），可能已被他人删除或重命名。请重新检查后再试。',
    'office.alreadyExists': '同名的工作表或表格已经存在（{code}）。请重命名后重试。',
    'office.conflict': '工作表“{sheet}”在检查之后被修改过（可能是其他老师同时在编辑）。没有写入任何内容，请重新检查后再试。',
    'office.merged': '要写入的区域中有合并单元格（{code}）。请取消合并后重试。',
    'office.filtered': '工作表处于筛选状态，无法写入（{code}）。请清除筛选后重试。',
    'office.busy': 'Excel 正忙或连接中断（{code}）。请稍等片刻再试。',
    'office.unsupported': '此版本的 Excel 不支持这项操作（{code}）。请升级 Excel，或使用网页版 Excel。',
    'office.failed': 'Excel 拒绝了这次操作（{code}）。工作簿可能只写入了一部分，请检查后重试。',
    'office.sheetMissing': '找不到工作表“{sheet}”，可能已被删除或重命名。',
    'office.readTooLarge': '工作表“{sheet}”太大，Excel 无法一次读出。请删除多余的空行空列后重试。',
    'office.settingsFailed': '无法在工作簿中保存标记记录（{code}），因此没有标记单元格。',
  },
  'en-US': {
    'office.protected': 'The sheet is protected and cannot be written ({code}). Unprotect it under Review and try again.',
    'office.editMode': 'Excel is editing a cell and cannot run the operation. Press Enter or Esc to finish editing, then try again.',
    'office.tooLarge': 'One write was larger than Excel allows ({code}). Try again; if it happens again, contact your school\'s IT coordinator.',
    'office.notFound': 'The sheet or cell to work on was not found ({code}); someone may have deleted or renamed it. Check and try again.',
    'office.alreadyExists': 'A sheet or table with that name already exists ({code}). Rename it and try again.',
    'office.conflict': 'The sheet "{sheet}" changed after it was checked (perhaps a colleague is editing it). Nothing was written; check again and retry.',
    'office.merged': 'The area to write contains merged cells ({code}). Unmerge them and try again.',
    'office.filtered': 'The sheet is filtered and cannot be written ({code}). Clear the filter and try again.',
    'office.busy': 'Excel is busy or the connection dropped ({code}). Wait a moment and try again.',
    'office.unsupported': 'This version of Excel cannot do this ({code}). Update Excel or use Excel on the web.',
    'office.failed': 'Excel refused the operation ({code}). The workbook may have been written in part; check it and try again.',
    'office.sheetMissing': 'The sheet "{sheet}" was not found; it may have been deleted or renamed.',
    'office.readTooLarge': 'The sheet "{sheet}" is too large for Excel to read out. Delete unused rows and columns and try again.',
    'office.settingsFailed': 'The record of marks could not be saved in the workbook ({code}), so no cells were marked.',
  },
};

import type { DomainMessages } from '../index';

/** Failures reported by the Excel (Office.js) host, in the teacher's terms. {sheet} is a sheet's name (t says it as in a sentence), {sheetName} one as written; {code} Office's error code. */
export const office: DomainMessages = {
  'zh-CN': {
    'office.protected': '工作表{sheet}受保护，无法写入（{code}）。没有写入任何内容。请在“审阅”中撤销该工作表的保护后重试。',
    'office.protectedUnknown': '工作表受保护，无法写入（{code}）。请在“审阅”中撤销工作表保护后重试。',
    'office.rolledBack': 'Excel 在写入途中拒绝了这次操作（{code}）。已经写入的部分都已撤回，工作簿和操作前一样。请稍后重试；如果仍然出现，请联系学校的信息管理员。',
    'office.conflictRolledBack':
      '就在写入的同时，其他人在工作表{sheet}的同几行里写了内容。对方的内容已原样恢复，本次已经写入的部分也都已撤回，工作簿和操作前一样。请重新检查后再试。',
    'office.rollbackFailed': '这次操作没有完成（{code}），而且没能把工作簿全部恢复原样：工作表{sheet}可能只恢复了一部分。请检查该工作表；需要时用 Excel 的“撤销”或备份找回。',
    'office.undoInPlace':
      '为了不让其他工作表里引用它的公式或名称失效（或者此版本的 Excel 无法确认有没有这样的引用），撤销在原工作表上恢复了数值、公式、数字格式和表格；图表、列宽、隐藏列、冻结窗格、下拉列表和条件格式没有恢复，下次生成时会重新建立。',
    'office.editMode': 'Excel 正在编辑单元格，无法执行操作。请按 Enter 或 Esc 结束编辑后重试。',
    'office.tooLarge': '一次写入的数据超过了 Excel 的大小限制（{code}）。请重试；如果仍然出现，请联系学校的信息管理员。',
    'office.notFound': '找不到要操作的工作表或单元格（{code}），可能已被他人删除或重命名。请重新检查后再试。',
    'office.alreadyExists': '同名的工作表或表格已经存在（{code}）。请重命名后重试。',
    'office.conflict': '工作表{sheet}在检查之后被修改过（可能是其他老师同时在编辑）。没有写入任何内容，请重新检查后再试。',
    'office.merged': '要写入的区域中有合并单元格（{code}）。请取消合并后重试。',
    'office.filtered': '工作表处于筛选状态，无法写入（{code}）。请清除筛选后重试。',
    'office.busy': 'Excel 正忙或连接中断（{code}）。请稍等片刻再试。',
    'office.unsupported': '此版本的 Excel 不支持这项操作（{code}）。请升级 Excel，或使用网页版 Excel。',
    'office.failed': 'Excel 拒绝了这次操作（{code}）。工作簿可能只写入了一部分，请检查后重试。',
    'office.sheetMissing': '找不到工作表{sheet}，可能已被删除或重命名。',
    'office.readTooLarge': '工作表{sheet}太大，Excel 无法一次读出。请删除多余的空行空列后重试。',
    'office.settingsFailed': '无法在工作簿中保存标记记录（{code}），因此没有标记单元格。',
    'office.conflictRestored': '就在写入的同时，其他人在工作表{sheet}的同几行里写了内容。对方的内容已原样恢复，本次操作已停止（之前的步骤可能已经写入）。请重新检查后再试。',
    'office.textTruncated': '有的文字超过了 Excel 单元格的上限（32767 个字符），只写入了前面的部分。',
    'office.undoConflict': '工作表{sheet}在上次操作之后又被修改过（可能是其他老师在编辑），撤销会覆盖这些修改，所以没有撤销，工作簿没有任何改动。如需撤销，请先手动核对该工作表。',
    'office.undoGroupRefused': 'Excel 无法把这次操作合并为一步撤销（{code}），操作已停止，可能只写入了一部分。请再执行一次：之后加载项会改用自己的“撤销上次操作”。',
    'office.nothingToUndo': '没有可以撤销的操作：只能撤销最近的一次操作，而且只在本次打开期间有效。',
    'office.chartsLeftOut': '此版本的 Excel 无法按要求绘制部分图表，这些图表没有添加；统计数字都已写入。',
    'office.badSheetName': '“{sheetName}”不能用作工作表名称：名称最多 31 个字符，不能包含 \\ / ? * [ ] :，也不能以单引号开头或结尾。没有写入任何内容。',
    'office.insertIncomplete': 'Excel 插入工作表时没有插入{sheet}，所以已插入的其他工作表也已删除，工作簿保持原样。请重试，或在独立页面中生成汇总文件。',
  },
  'en-US': {
    'office.protected': 'Cannot write to {sheet}: it is protected ({code}). Nothing was written. Unprotect that sheet under Review and try again.',
    'office.protectedUnknown': 'The sheet is protected and cannot be written ({code}). Unprotect it under Review and try again.',
    'office.rolledBack':
      "Excel refused the operation while writing ({code}). Everything already written was taken back; the workbook is as it was. Try again later; if it happens again, contact your school's IT coordinator.",
    'office.conflictRolledBack':
      'Someone wrote into the same rows of {sheet} at the moment this operation wrote them. Their cells were put back as they were, and everything this operation had written was taken back; the workbook is as it was. Check again and retry.',
    'office.rollbackFailed':
      "The operation did not finish ({code}), and the workbook could not be put back completely: {sheet} may be restored only in part. Check that sheet; use Excel's Undo or a backup if needed.",
    'office.undoInPlace':
      'So that formulas or names on other sheets that refer to it keep working (or because this version of Excel cannot tell whether any do), the sheet was restored in place: values, formulas, number formats and tables. Charts, column widths, hidden columns, frozen panes, dropdowns and conditional formats were not restored; the next run rebuilds them.',
    'office.editMode': 'Excel is editing a cell and cannot run the operation. Press Enter or Esc to finish editing, then try again.',
    'office.tooLarge': "One write was larger than Excel allows ({code}). Try again; if it happens again, contact your school's IT coordinator.",
    'office.notFound': 'The sheet or cell to work on was not found ({code}); someone may have deleted or renamed it. Check and try again.',
    'office.alreadyExists': 'A sheet or table with that name already exists ({code}). Rename it and try again.',
    'office.conflict': 'Nothing was written: {sheet} changed after it was checked (perhaps a colleague is editing it). Check again and retry.',
    'office.merged': 'The area to write contains merged cells ({code}). Unmerge them and try again.',
    'office.filtered': 'The sheet is filtered and cannot be written ({code}). Clear the filter and try again.',
    'office.busy': 'Excel is busy or the connection dropped ({code}). Wait a moment and try again.',
    'office.unsupported': 'This version of Excel cannot do this ({code}). Update Excel or use Excel on the web.',
    'office.failed': 'Excel refused the operation ({code}). The workbook may have been written in part; check it and try again.',
    'office.sheetMissing': 'Not found: {sheet}; it may have been deleted or renamed.',
    'office.readTooLarge': 'Excel cannot read out {sheet}: it is too large. Delete unused rows and columns and try again.',
    'office.settingsFailed': 'The record of marks could not be saved in the workbook ({code}), so no cells were marked.',
    'office.conflictRestored':
      'Someone wrote into the same rows of {sheet} at the moment this operation wrote them. Their cells were put back as they were and the operation stopped (earlier steps may have been written). Check again and retry.',
    'office.textTruncated': 'Some text was longer than an Excel cell holds (32,767 characters); only its beginning was written.',
    'office.undoConflict':
      'Nothing was undone: {sheet} was changed after the last operation (perhaps a colleague is editing it), and undoing would overwrite those changes. The workbook is unchanged. Check that sheet by hand if you still need to undo.',
    'office.undoGroupRefused':
      'Excel could not make this operation a single undo step ({code}); it stopped and may have written in part. Run it again: the add-in will then use its own "Undo last operation" instead.',
    'office.nothingToUndo': 'There is nothing to undo: only the most recent operation can be undone, and only while this session stays open.',
    'office.chartsLeftOut': 'This version of Excel cannot draw some of the charts as planned, so they were left out; all figures were written.',
    'office.badSheetName': '"{sheetName}" cannot be a sheet name: at most 31 characters, none of \\ / ? * [ ] :, no apostrophe at either end. Nothing was written.',
    'office.insertIncomplete':
      'Excel did not insert {sheet}, so the other inserted sheets were removed again and the workbook is as it was. Try again, or make the roll-up file in the standalone page.',
  },
};

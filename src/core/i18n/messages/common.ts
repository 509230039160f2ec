import type { DomainMessages } from '../index';

/** Messages shared by every part of the add-in: app name, host failures, generic errors. */
export const common: DomainMessages = {
  'zh-CN': {
    'app.name': '留守儿童关爱助手',
    'error.unexpected': '操作没有完成：出现了意外问题。工作簿没有被修改。请重试；如果仍然出现，请联系学校的信息管理员。',
    'error.cancelled': '操作已取消，工作簿没有被修改。',
    'host.noNotes': '此版本的 Excel 不支持批注（备注），只标记了底色。',
    'host.noConditionalFormats': '此版本的 Excel 不支持条件格式，已改用普通底色。',
    'host.noDataValidation': '此版本的 Excel 不支持数据验证，下拉列表未添加。',
    'host.noHyperlinks': '此版本的 Excel 不支持单元格超链接，已改用 HYPERLINK 公式。',
  },
  'en-US': {
    'app.name': 'Left-behind Children Care Assistant',
    'error.unexpected': 'The operation did not finish: something unexpected happened. The workbook was not changed. Try again; if it happens again, contact your school\'s IT coordinator.',
    'error.cancelled': 'Cancelled. The workbook was not changed.',
    'host.noNotes': 'This version of Excel has no notes; bad cells were only filled.',
    'host.noConditionalFormats': 'This version of Excel has no conditional formats; plain fills were used instead.',
    'host.noDataValidation': 'This version of Excel has no data validation; dropdowns were not added.',
    'host.noHyperlinks': 'This version of Excel has no cell hyperlinks; HYPERLINK formulas were used instead.',
  },
};

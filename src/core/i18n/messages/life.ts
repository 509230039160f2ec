import type { DomainMessages } from '../index';

/**
 * The five sheets of the school's life (活动记录, 兴趣小组, 留守之家签到, 基金收支, 培训记录): their findings
 * and the names of their rules in 校验结果. Sheet names stay Chinese in English too: they are the tabs' names.
 */
export const life: DomainMessages = {
  'zh-CN': {
    'life.headerMissing': '{sheet}：找不到表头（需要 {columns} 列），没有读取任何记录。',
    'life.dateBlank': '{sheet} 第{row}行：日期为空，此行不计入统计。',
    'life.dateInvalid': '{sheet} 第{row}行：无法识别日期，此行不计入统计。请写成 2026-03-05 或 2026年3月5日。',
    'life.nameUnknown': '{sheet} 第{row}行：有 {count} 个姓名或班级在花名册中找不到（可能写错、已转出或改名），未计入。',
    'life.nameAmbiguous': '{sheet} 第{row}行：有 {count} 个姓名在花名册中有同名学生，无法确定是哪一位，未计入。请改填班级或加以区分。',
    'life.signOutMissing': '{sheet} 第{row}行（{date}）：学生已签到，但没有签退时间。请核实孩子是否已由监护人接走。',
    'life.pickupMissing': '{sheet} 第{row}行（{date}）：已签退，但没有填写接送人。',
    'life.pickupUnregistered': '{sheet} 第{row}行（{date}）：接送人不是花名册登记的监护人或父母，且没有填写与学生关系。',
    'life.fundKindInvalid': '{sheet} 第{row}行：收支一栏应填“收入”或“支出”，此行不计入余额。',
    'life.fundAmountInvalid': '{sheet} 第{row}行：金额为空或不是数字，此行不计入余额。',
    'life.fundNegative': '{sheet} 第{row}行（{date}）：记完这一笔后基金余额为 {balance} 元，低于零。请核对收支。',
    'life.fundHandlerMissing': '{sheet} 第{row}行：支出没有填写经手人。',
    'life.fundVoucherMissing': '{sheet} 第{row}行：支出没有填写凭证号。',
    'life.hoursInvalid': '{sheet} 第{row}行：学时为空或不是数字，按 0 学时计算。',

    'summary.rule.life-header-missing': '记录表缺少必需列',
    'summary.rule.life-date-invalid': '记录日期无法识别',
    'summary.rule.name-unknown': '姓名不在花名册中',
    'summary.rule.name-ambiguous': '姓名有同名学生',
    'summary.rule.pickup-missing': '签到后无人接送记录',
    'summary.rule.pickup-unregistered': '接送人未登记',
    'summary.rule.fund-negative': '基金余额为负',
    'summary.rule.fund-incomplete': '支出缺经手人或凭证',
    'summary.rule.fund-entry-invalid': '收支记录无法读取',
    'summary.rule.training-hours-invalid': '培训学时无效',
  },
  'en-US': {
    'life.headerMissing': '{sheet}: no header found (it needs the columns {columns}); nothing was read.',
    'life.dateBlank': '{sheet} row {row}: the date is blank; the row is not counted.',
    'life.dateInvalid': '{sheet} row {row}: the date cannot be read; the row is not counted. Write it as 2026-03-05 or 2026年3月5日.',
    'life.nameUnknown': '{sheet} row {row}: {count, plural, one {{count} name or class is} other {{count} names or classes are}} not on the roster (misspelt, moved away or renamed) and not counted.',
    'life.nameAmbiguous': '{sheet} row {row}: {count, plural, one {{count} name matches} other {{count} names match}} several children on the roster and {count, plural, one {is} other {are}} not counted. Give the class or tell them apart.',
    'life.signOutMissing': '{sheet} row {row} ({date}): the child signed in but has no sign-out time. Check that the guardian collected the child.',
    'life.pickupMissing': '{sheet} row {row} ({date}): signed out, but nobody is written down as collecting the child.',
    'life.pickupUnregistered': '{sheet} row {row} ({date}): the person collecting the child is neither the registered guardian nor a parent, and the relation is blank.',
    'life.fundKindInvalid': '{sheet} row {row}: 收支 must be 收入 (income) or 支出 (spending); the row is left out of the balance.',
    'life.fundAmountInvalid': '{sheet} row {row}: the amount is blank or not a number; the row is left out of the balance.',
    'life.fundNegative': '{sheet} row {row} ({date}): after this entry the fund\'s balance is {balance} yuan, below zero. Check the entries.',
    'life.fundHandlerMissing': '{sheet} row {row}: the spending names no handler (经手人).',
    'life.fundVoucherMissing': '{sheet} row {row}: the spending has no voucher number (凭证号).',
    'life.hoursInvalid': '{sheet} row {row}: the hours are blank or not a number; counted as 0.',

    'summary.rule.life-header-missing': 'Record sheet lacks a required column',
    'summary.rule.life-date-invalid': 'Unreadable date in a record',
    'summary.rule.name-unknown': 'Name not on the roster',
    'summary.rule.name-ambiguous': 'Name shared by several children',
    'summary.rule.pickup-missing': 'Signed in, no pickup recorded',
    'summary.rule.pickup-unregistered': 'Pickup by someone not registered',
    'summary.rule.fund-negative': 'Fund balance below zero',
    'summary.rule.fund-incomplete': 'Spending without handler or voucher',
    'summary.rule.fund-entry-invalid': 'Unreadable fund entry',
    'summary.rule.training-hours-invalid': 'Invalid training hours',
  },
};

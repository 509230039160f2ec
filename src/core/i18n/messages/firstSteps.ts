import type { DomainMessages } from '../index';

/** The numbered first steps the pane shows on the bundled sample (src/taskpane/FirstSteps.tsx), and the line saying which day the sample is seen on (src/taskpane/workbookDay.ts registers them too). */
export const firstSteps: DomainMessages = {
  'zh-CN': {
    'firstSteps.title': '示例花名册：五步看完全部功能',
    'firstSteps.sampleDay': '示例花名册按其示例日期 {date} 显示：逾期、到期和生日都从这一天算。',
    'firstSteps.label': '上手步骤',
    'firstSteps.step.check': '检查',
    'firstSteps.step.report': '校验结果',
    'firstSteps.step.pairing': '结对',
    'firstSteps.step.today': '今日',
    'firstSteps.step.summary': '汇总',
    'firstSteps.hint.check': '示例已检查好：点一条问题，看它在表中的哪个单元格。',
    'firstSteps.hint.checkNow': '点“检查花名册”，看示例里的问题；点一条问题，看它在表中的哪个单元格。',
    'firstSteps.hint.report': '写出“校验结果”表，并在花名册上给有问题的单元格加底色和批注。',
    'firstSteps.hint.pairing': '按“帮扶人员”表为每个孩子安排帮扶教师和同班学习帮手。',
    'firstSteps.hint.today': '今天该联系谁、谁已逾期、谁快过生日；在这里记一笔谈心或家访。',
    'firstSteps.hint.summary': '本学期的统计、图表和可直接用的工作报告。',
    'firstSteps.allDone': '五步都看过了。用自己的花名册时，同样从“检查花名册”开始。',
    'firstSteps.done': '已完成',
    'firstSteps.dismiss': '不再显示',
  },
  'en-US': {
    'firstSteps.title': 'The sample in five steps',
    'firstSteps.label': 'First steps',
    'firstSteps.step.check': 'Check',
    'firstSteps.step.report': 'Results',
    'firstSteps.step.pairing': 'Pairing',
    'firstSteps.step.today': 'Today',
    'firstSteps.step.summary': 'Summary',
    'firstSteps.hint.check': 'The sample is already checked: choose a problem to see its cell in the sheet.',
    'firstSteps.hint.checkNow': 'Choose Check roster to see the problems in the sample; choose a problem to see its cell in the sheet.',
    'firstSteps.hint.report': 'Write the 校验结果 (check results) sheet and mark the problem cells on the roster with a fill and a note.',
    'firstSteps.hint.pairing': 'Give every child a mentor teacher and a study buddy from their class, from the 帮扶人员 (mentors) sheet.',
    'firstSteps.hint.today': 'Who to contact today, who is overdue, whose birthday is near; record a talk or a home visit here.',
    'firstSteps.hint.summary': "The term's figures, charts and a work report ready to use.",
    'firstSteps.allDone': 'You have seen all five steps. With your own roster, start the same way: Check roster.',
    'firstSteps.done': 'done',
    'firstSteps.dismiss': "Don't show again",
    'firstSteps.sampleDay':
      'The sample is shown as of {date}, the 示例日期 (sample date) on its 设置 (settings) sheet: what is overdue or due, and birthdays, count from that day.',
  },
};

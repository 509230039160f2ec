/**
 * Contact kinds and targets as they appear in the 谈心记录 sheet. The Chinese labels are the values
 * teachers pick from the dropdowns (and type by hand), so they are data, not UI text; the ids are what
 * the code and the message catalogue use.
 */
export const CONTACT_KINDS = [
  { id: 'talk', label: '谈心', pausesOffSchool: true },
  { id: 'parentCall', label: '家长电话', pausesOffSchool: false },
  { id: 'guardianContact', label: '监护人联系', pausesOffSchool: false },
  { id: 'homeVisit', label: '家访', pausesOffSchool: true },
  // The child calls home on the school's 亲情电话 (plan 5), so it happens on school days only.
  { id: 'familyCall', label: '亲情电话', pausesOffSchool: true },
  { id: 'tutoring', label: '学习辅导', pausesOffSchool: true },
  { id: 'care', label: '生活照顾', pausesOffSchool: true },
  { id: 'activity', label: '活动', pausesOffSchool: true },
  { id: 'other', label: '其他', pausesOffSchool: false },
] as const;

export type ContactKind = (typeof CONTACT_KINDS)[number]['id'];
export const KIND_IDS: readonly ContactKind[] = CONTACT_KINDS.map((k) => k.id);
export const KIND_LABELS: readonly string[] = CONTACT_KINDS.map((k) => k.label);

export function kindLabel(kind: ContactKind): string {
  return CONTACT_KINDS.find((k) => k.id === kind)!.label;
}

export function pausesOffSchool(kind: ContactKind): boolean {
  return CONTACT_KINDS.find((k) => k.id === kind)!.pausesOffSchool;
}

/** Words teachers type for a kind besides its label. */
const KIND_SYNONYMS: Record<string, ContactKind> = {
  谈话: 'talk',
  谈心谈话: 'talk',
  个别谈心: 'talk',
  谈心记录: 'talk',
  电话: 'parentCall',
  家长联系: 'parentCall',
  电话家长: 'parentCall',
  打电话: 'parentCall',
  家长通话: 'parentCall',
  监护人电话: 'guardianContact',
  联系监护人: 'guardianContact',
  监护人: 'guardianContact',
  走访: 'homeVisit',
  入户家访: 'homeVisit',
  上门家访: 'homeVisit',
  亲情通话: 'familyCall',
  视频通话: 'familyCall',
  亲情视频: 'familyCall',
  辅导: 'tutoring',
  学业辅导: 'tutoring',
  补课: 'tutoring',
  生活关照: 'care',
  照顾: 'care',
  集体活动: 'activity',
  班会: 'activity',
  主题班会: 'activity',
};

/** A kind from a typed cell, or null when it is not one we know. */
export function parseKind(text: string): ContactKind | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  if (!s) return null;
  const direct = CONTACT_KINDS.find((k) => k.label === s);
  if (direct) return direct.id;
  return KIND_SYNONYMS[s] ?? null;
}

export const TARGETS = ['学生', '父亲', '母亲', '监护人', '其他'] as const;
export type ContactTarget = (typeof TARGETS)[number];

export const YES = '是';
export const NO = '否';

/** 需跟进 typed as 是/Y/√/1/TRUE … */
export function isYes(value: unknown): boolean {
  if (value === true) return true;
  if (typeof value === 'number') return value === 1;
  if (typeof value !== 'string') return false;
  const s = value.normalize('NFKC').trim().toLowerCase();
  return ['是', 'y', 'yes', '√', '✓', '✔', '1', 'true', '需要', '要', '需跟进'].includes(s);
}

/**
 * The columns of the benches' generated rosters (roster, large, payload): one list of the 登记表's headers
 * and the generator's fields under them, so the three benches measure the same sheet.
 */
const COLUMNS = [
  ['姓名', 'name'],
  ['性别', 'gender'],
  ['出生日期', 'birthDate'],
  ['身份证号', 'idNumber'],
  ['年级', 'grade'],
  ['班级', 'className'],
  ['父亲姓名', 'fatherName'],
  ['父亲电话', 'fatherPhone'],
  ['父亲务工地点', 'fatherWorkplace'],
  ['母亲姓名', 'motherName'],
  ['母亲电话', 'motherPhone'],
  ['母亲务工地点', 'motherWorkplace'],
  ['监护人姓名', 'guardianName'],
  ['与学生关系', 'guardianRelation'],
  ['监护人电话', 'guardianPhone'],
  ['监护人年龄', 'guardianAge'],
  ['家庭住址', 'address'],
] as const;

/** The header row: 序号, then one header a field. */
export const BENCH_HEADER: string[] = ['序号', ...COLUMNS.map(([header]) => header)];
/** The generator's field under each header after 序号. */
export const BENCH_KEYS = COLUMNS.map(([, key]) => key);

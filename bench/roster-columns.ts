/**
 * The generated rosters of the benches (roster, large, payload): one list of the 登记表's headers and the
 * generator's fields under them, and the usual mistakes planted in them, so the benches measure the same sheet.
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

/** The generated cells the usual mistakes touch. */
interface MistakeCells {
  guardianPhone?: unknown;
  idNumber?: unknown;
  guardianAge?: unknown;
}

/**
 * About 1 row in 50 gets one of the usual mistakes (a short phone, a wrong check character, an ID stored as a
 * number, an old guardian, a blank phone), so the rules have work to do. `withWrongCheck` is the generator's.
 */
export function plantUsualMistake(kid: MistakeCells, i: number, withWrongCheck: (id: string) => string): void {
  if (i % 50 !== 7) return;
  switch (((i / 50) % 5) | 0) {
    case 0:
      kid.guardianPhone = String(kid.guardianPhone).slice(0, 10);
      break;
    case 1:
      kid.idNumber = withWrongCheck(String(kid.idNumber));
      break;
    case 2:
      kid.idNumber = Number(String(kid.idNumber).slice(0, 15) + '000');
      break;
    case 3:
      kid.guardianAge = 78;
      break;
    default:
      kid.guardianPhone = null;
  }
}

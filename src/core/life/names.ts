import type { CellValue } from '../cells';
import type { IsoDate } from '../dates';
import { cellText, classLabel, normalizeName, parseClass, stripSpaces } from '../roster/normalize';

/** What the matcher needs of a roster child. */
export interface NamedChild {
  readonly name: string;
  readonly classLabel: string | null;
}

/** Words that mean every child on the roster (plan 3: 活动上优先安排 — all of them take part). */
const EVERYONE = new Set(['全体留守儿童', '全体', '全部', '所有留守儿童', '全体学生', '全部留守儿童', '全体儿童']);
/** Separators teachers put between names: 、 ， , ; ； / and any space. */
const SEPARATORS = /[、,，;；/\s\u3000]+/;
/** A token that looks like a class rather than a name: it ends in 班 or names a grade. */
const CLASS_LIKE = /(班|年级)$/;
/** A name, then its class in brackets: 王芳(三(1)班), 王芳（三（1）班）. */
const NAME_WITH_CLASS = /^([^()（）]+)[(（](.+班)[)）]$/;

export interface NameMatch {
  /** Indexes into the children given to the index, each once, in the order first named. */
  readonly children: number[];
  /** Names (or classes) that match no child: counted in findings, never quoted back. */
  readonly unknown: number;
  /** Names that match several children. */
  readonly ambiguous: number;
  /** The cell said 全体留守儿童. */
  readonly everyone: boolean;
}

/**
 * Names of one roster, indexed once and used for every cell of the five sheets (参加学生, 成员, 学生,
 * 受助学生). A cell holds names separated by 、 ， , ; or spaces, a name with its class in brackets
 * (王芳(三(1)班), for two children of one name), a class (三(1)班, 三年级1班), or 全体留守儿童; a name padded with spaces (张  三) is still one name when the whole cell is that name.
 */
export class NameIndex {
  private readonly byName = new Map<string, number[]>();
  private readonly byClass = new Map<string, number[]>();
  private readonly cache = new Map<string, NameMatch>();

  constructor(
    private readonly children: readonly NamedChild[],
    private readonly today: IsoDate,
  ) {
    children.forEach((ch, i) => {
      push(this.byName, normalizeName(ch.name), i);
      if (ch.classLabel) push(this.byClass, ch.classLabel, i);
    });
  }

  match(cell: CellValue): NameMatch {
    const text = cellText(cell);
    let m = this.cache.get(text);
    if (!m) {
      m = this.compute(text);
      this.cache.set(text, m);
    }
    return m;
  }

  private compute(text: string): NameMatch {
    const out = new Set<number>();
    let unknown = 0;
    let ambiguous = 0;
    if (!text) return { children: [], unknown, ambiguous, everyone: false };
    if (EVERYONE.has(stripSpaces(text))) return { children: this.children.map((_, i) => i), unknown, ambiguous, everyone: true };
    const whole = normalizeName(text);
    const tokens = this.byName.has(whole) ? [whole] : text.split(SEPARATORS).filter(Boolean);
    for (const token of tokens) {
      const name = normalizeName(token);
      const named = this.byName.get(name);
      if (named) {
        if (named.length > 1) ambiguous++;
        else out.add(named[0]);
        continue;
      }
      const withClass = this.nameWithClass(token);
      if (withClass !== null) {
        if (withClass.length === 1) out.add(withClass[0]);
        else if (withClass.length > 1) ambiguous++;
        else unknown++;
        continue;
      }
      const cls = CLASS_LIKE.test(token) ? this.classOf(token) : null;
      if (cls) {
        for (const i of cls) out.add(i);
        continue;
      }
      if (EVERYONE.has(token)) {
        for (let i = 0; i < this.children.length; i++) out.add(i);
        continue;
      }
      unknown++;
    }
    return { children: [...out], unknown, ambiguous, everyone: false };
  }

  /**
   * 王芳(三(1)班) or 王芳（三年级1班）: a name told apart by its class, as the pane writes a name two
   * children share. The children of that name in that class; null when the token is not of this form.
   */
  private nameWithClass(token: string): number[] | null {
    const m = NAME_WITH_CLASS.exec(token);
    if (!m) return null;
    const named = this.byName.get(normalizeName(m[1]));
    const c = parseClass(m[2], this.today);
    const label = c?.ok ? classLabel(c.grade, c.classNo) : null;
    if (!named || label === null) return named ? [] : null;
    return named.filter((i) => this.children[i].classLabel === label);
  }

  /** The children of the class a token names, or null when it is no class of this roster. */
  private classOf(token: string): number[] | null {
    const c = parseClass(token, this.today);
    const label = c?.ok ? classLabel(c.grade, c.classNo) : null;
    return label === null ? null : (this.byClass.get(label) ?? null);
  }
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

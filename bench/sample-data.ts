/**
 * What the in-process benches (reminders, cards) share: their command-line numbers, the median, a seeded
 * generator (the same figures on every run), and the names and classes they make children from.
 */

/** `--flag N` from the command line, or the fallback. */
export function arg(flag: string, fallback: number): number {
  const i = process.argv.indexOf(flag);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A linear congruential generator from `seed`, and a pick from a list with it. */
export function seeded(seed: number): { rand: () => number; pick: <T>(xs: readonly T[]) => T } {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return { rand, pick: (xs) => xs[Math.floor(rand() * xs.length)] };
}

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'.split('');
export const GIVEN = '明华芳军丽强静敏磊洋艳勇杰娟涛超秀霞平刚桂英'.split('');
/** 60 classes, 一(1)班 to 六(10)班. */
export const CLASSES = Array.from({ length: 60 }, (_, i) => `${'一二三四五六'[i % 6]}(${Math.floor(i / 6) + 1})班`);

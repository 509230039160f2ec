/**
 * The numbered path through the sample (issue 15): 1 检查 → 2 校验结果 → 3 结对 → 4 今日 → 5 汇总, each the
 * pane's tab of that name. Logic only; FirstSteps.tsx draws it.
 */

/** The steps in order, by the id of the tab each one opens. */
export const FIRST_STEPS = ['check', 'report', 'pairing', 'today', 'summary'] as const;
export type FirstStep = (typeof FIRST_STEPS)[number];

/**
 * Which steps are done: 检查 once the roster has been checked (the sample in the standalone page opens
 * checked), each other one once its tab has been opened, since seeing what it shows is the step.
 */
export function stepsDone(checked: boolean, visited: ReadonlySet<string>): ReadonlySet<FirstStep> {
  return new Set(FIRST_STEPS.filter((step) => (step === 'check' ? checked : visited.has(step))));
}

/** The step whose hint is shown: null once all are done, else the one open now, else the first not done. */
export function stepToExplain(tab: string, done: ReadonlySet<FirstStep>): FirstStep | null {
  const next = FIRST_STEPS.find((step) => !done.has(step));
  if (next === undefined) return null;
  return FIRST_STEPS.find((step) => step === tab) ?? next;
}

/** Where the browser remembers that the teacher closed the guide (this browser only; nothing is sent). */
export const DISMISSED_KEY = 'liushou.firstSteps.dismissed';

/** The browser's storage where it lets the page have one (a sandboxed frame may refuse it). */
function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** The guide was closed in this browser before. A browser that refuses storage shows it again. */
export function guideDismissed(storage: Pick<Storage, 'getItem'> | undefined = browserStorage()): boolean {
  try {
    return storage?.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

export function dismissGuide(storage: Pick<Storage, 'setItem'> | undefined = browserStorage()): void {
  try {
    storage?.setItem(DISMISSED_KEY, '1');
  } catch {
    // Private mode or storage refused: closed for this visit only.
  }
}

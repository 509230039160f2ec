import { DISMISSED_KEY, dismissGuide, FIRST_STEPS, guideDismissed, stepsDone, stepToExplain } from './firstSteps';

describe('the first steps through the sample', () => {
  it('go 检查 → 校验结果 → 结对 → 今日 → 汇总, by the tabs they open', () => {
    expect(FIRST_STEPS).toEqual(['check', 'report', 'pairing', 'today', 'summary']);
  });

  it('mark 检查 done by a check, the others by opening their tab', () => {
    expect([...stepsDone(false, new Set(['check']))]).toEqual([]);
    expect([...stepsDone(true, new Set())]).toEqual(['check']);
    expect([...stepsDone(true, new Set(['today', 'settings', 'report']))]).toEqual(['check', 'report', 'today']);
  });

  it('explain the step open now, else the first not done, and nothing once all are done', () => {
    expect(stepToExplain('pairing', new Set(['check']))).toBe('pairing');
    expect(stepToExplain('settings', new Set(['check', 'report']))).toBe('pairing');
    expect(stepToExplain('dossier', new Set(FIRST_STEPS))).toBeNull();
    expect(stepToExplain('summary', new Set(FIRST_STEPS))).toBeNull();
  });
});

describe('closing the guide', () => {
  const storage = () => {
    const items = new Map<string, string>();
    return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
  };

  it('is remembered by the browser under one key', () => {
    const s = storage();
    expect(guideDismissed(s)).toBe(false);
    dismissGuide(s);
    expect([...s.items]).toEqual([[DISMISSED_KEY, '1']]);
    expect(guideDismissed(s)).toBe(true);
  });

  it('shows the guide again where storage is refused, and closing it there does not throw', () => {
    const refusing = {
      getItem: (): string | null => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(guideDismissed(refusing)).toBe(false);
    expect(() => dismissGuide(refusing)).not.toThrow();
  });
});

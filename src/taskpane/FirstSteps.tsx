import { useState } from 'react';
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { registerMessages, t, type Lang } from '../core/i18n';
import { firstSteps } from '../core/i18n/messages/firstSteps';
import { dismissGuide, FIRST_STEPS, stepsDone, stepToExplain } from './firstSteps';

registerMessages(firstSteps);

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    padding: '8px',
    minWidth: 0,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
  },
  head: { display: 'flex', alignItems: 'center', gap: '4px', flexWrap: 'wrap', justifyContent: 'space-between' },
  steps: { display: 'flex', flexWrap: 'wrap', gap: '4px', margin: 0, padding: 0, listStyleType: 'none' },
  step: { minWidth: 'auto' },
  number: { fontWeight: tokens.fontWeightSemibold, marginRight: '4px' },
  tick: { marginLeft: '4px' },
  // Green on the plain buttons; on the current step's brand-coloured button it keeps the button's own text colour.
  tickGreen: { color: tokens.colorPaletteGreenForeground2 },
});

export interface FirstStepsProps {
  readonly lang: Lang;
  /** The workbook is the sample: the standalone page opened it, or its 设置 has 示例日期 (the pane's useWorkbookDay). */
  readonly sample: boolean;
  /** The pane's tab now. */
  readonly tab: string;
  readonly checked: boolean;
  readonly visited: ReadonlySet<string>;
  /** Show a step's tab. */
  readonly onGo: (tab: string) => void;
}

/**
 * The numbered path through the sample, 1 检查 → 5 汇总: each step a button to its tab, ticked when done,
 * with a line on what the step shows; closed for good with 不再显示 (remembered by this browser only).
 * A teacher's own workbook gets none of it: shown only on the sample.
 */
export default function FirstSteps({ lang, sample, tab, checked, visited, onGo }: FirstStepsProps) {
  const styles = useStyles();
  const [closed, setClosed] = useState(false);
  if (!sample || closed) return null;
  const done = stepsDone(checked, visited);
  const explain = stepToExplain(tab, done);
  return (
    <section className={styles.box} aria-labelledby="first-steps-title" data-testid="first-steps">
      <div className={styles.head}>
        <Text id="first-steps-title" weight="semibold">
          {t(lang, 'firstSteps.title')}
        </Text>
        <Button
          size="small"
          appearance="transparent"
          onClick={() => {
            dismissGuide();
            setClosed(true);
          }}
        >
          {t(lang, 'firstSteps.dismiss')}
        </Button>
      </div>
      <ol className={styles.steps} aria-label={t(lang, 'firstSteps.label')}>
        {FIRST_STEPS.map((step, i) => (
          <li key={step}>
            <Button
              size="small"
              className={styles.step}
              appearance={tab === step ? 'primary' : 'secondary'}
              aria-current={tab === step ? 'step' : undefined}
              data-step={step}
              data-done={done.has(step) ? 'true' : undefined}
              onClick={() => onGo(step)}
            >
              <span className={styles.number}>{i + 1}</span>
              {t(lang, `firstSteps.step.${step}`)}
              {/* The tick is read out as words (a visually hidden span would be text cut inside the button). */}
              {done.has(step) && (
                <span className={mergeClasses(styles.tick, tab !== step && styles.tickGreen)} role="img" aria-label={t(lang, 'firstSteps.done')}>
                  ✓
                </span>
              )}
            </Button>
          </li>
        ))}
      </ol>
      <Text size={200}>{explain ? t(lang, `firstSteps.hint.${explain === 'check' && !checked ? 'checkNow' : explain}`) : t(lang, 'firstSteps.allDone')}</Text>
    </section>
  );
}

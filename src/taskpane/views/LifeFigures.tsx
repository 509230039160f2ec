import { t, type Lang } from '../../core/i18n';
import type { LifeFigures as Figures } from '../../core/life';
import { useViewStyles } from './styles';
import { HeadedSection } from './HeadedSection';

const yuan = (x: number) => x.toFixed(2);

/**
 * 汇总's figures of the school's life for the period chosen (issue 17): activities, interest groups (standing
 * memberships, whatever the period), the 留守之家 roll call with its missing pickups, the fund (balance at the
 * period's end) and training hours counted per teacher — the same numbers as 统计汇总 and `summary --json`.
 */
export function LifeFigures({ f, lang }: { f: Figures; lang: Lang }) {
  const styles = useViewStyles();
  const figure = (key: string, value: string, testId: string) => (
    <>
      <dt className={styles.term}>{t(lang, key)}</dt>
      <dd className={styles.value} data-testid={testId}>
        {value}
      </dd>
    </>
  );
  const a = f.activities;
  const g = f.interestGroups;
  const r = f.rollCall;
  return (
    <HeadedSection id="summary-life" title={t(lang, 'life.view.title')} data-testid="life-figures">
      <dl className={styles.figures}>
        {figure('life.view.activities', t(lang, 'life.view.activitiesValue', { count: a.count, taking: a.childrenTakingPart, without: a.childrenWithout }), 'life-activities')}
        {figure('life.view.groups', t(lang, 'life.view.groupsValue', { groups: g.groups, members: g.members, none: g.childrenInNone }), 'life-groups')}
        {figure('life.view.rollCall', t(lang, 'life.view.rollCallValue', { days: r.days, attendances: r.attendances }), 'life-rollcall')}
        {figure('life.view.pickupsMissing', String(r.pickupsMissing), 'life-pickups-missing')}
        {figure('life.view.fund', t(lang, 'life.view.fundValue', { income: yuan(f.fund.income), spent: yuan(f.fund.spent) }), 'life-fund')}
        {figure('life.view.balance', t(lang, 'life.view.balanceValue', { balance: yuan(f.fund.balance), aided: f.fund.childrenAided }), 'life-balance')}
        {figure('life.view.training', t(lang, 'life.view.trainingValue', { teachers: f.training.teachers, hours: f.training.hours }), 'life-training')}
      </dl>
    </HeadedSection>
  );
}

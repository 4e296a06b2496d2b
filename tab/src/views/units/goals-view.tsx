import { Badge, Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Api } from '../../api/api-client';
import type { PlanFile } from '../../api/types';
import { useLoad } from '../../api/use-load';
import { LoadFailed, Loading } from '../../components/load-state';
import { dateFormats } from '../../dates/format';
import type { MessageKey } from '../../i18n/i18n';
import { useI18n } from '../../i18n/i18n-context';
import { periodName } from '../reports/campaign-title';

/** `GET /api/status/goals` (bot/use-cases/status/goal-progress.ts). */
type Counts = { ja: number; delvis: number; nei: number };
interface GoalProgressView {
  today: string;
  period: string | null;
  previousPeriod: string | null;
  goals: {
    goalId: string;
    themes: string[];
    signs: { signId: string; text: string; pictureId: string; now: Counts; before: Counts | null }[];
    actions: {
      unitId: string;
      unitName: string;
      actionId: string;
      text: string;
      deadline: string;
      status: string;
      overdue: boolean;
      viaTheme?: string;
    }[];
  }[];
}

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  goal: {
    padding: `${tokens.spacingVerticalM} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  subtle: { color: tokens.colorNeutralForeground2 },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXS },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: 'collapse', marginTop: tokens.spacingVerticalS, fontSize: tokens.fontSizeBase200 },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    textAlign: 'start',
  },
  scroll: { overflowX: 'auto' },
});

/** «12 (+3)»: this period's count and its change since the one before, when there is one. */
function withChange(now: number, before: number | undefined): string {
  if (before === undefined) return String(now);
  const change = now - before;
  return `${now} (${change > 0 ? '+' : change < 0 ? '−' : '±'}${Math.abs(change)})`;
}

/** Actions drawn per goal at first (the overdue ones come first); one press shows the rest. */
const FIRST_ACTIONS = 10;

/**
 * «Mål»: per goal of the plan, the themes that serve it and the units' actions serving it with
 * their status, the overdue ones first and marked; a unit's name opens its local plan.
 */
export function GoalsView({
  api,
  plan,
  onOpen,
}: {
  api: Api;
  plan: PlanFile;
  onOpen: (unitId: string) => void;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const dates = dateFormats(language);
  const [data, reload] = useLoad(() => api.get<GoalProgressView>('/api/status/goals'), [api]);
  // Goals whose every action is drawn: at 800 units a goal may have thousands.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const goals = new Map((plan.goals ?? []).map((g) => [g.id, g]));
  const themes = new Map(plan.themes.map((th) => [th.id, th]));
  if ((plan.goals ?? []).length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="mal-tittel" data-testid="goals-view">
      <Text as="h2" id="mal-tittel" size={500} weight="semibold" block>
        {t('goals.heading')}
      </Text>
      <Text block className={styles.subtle}>
        {t('goals.intro')}
      </Text>
      {data.state === 'loading' && <Loading />}
      {data.state === 'failed' && <LoadFailed error={data.error} retry={reload} />}
      {data.state === 'ready' &&
        data.value.goals.map((progress) => {
          const goal = goals.get(progress.goalId);
          if (!goal) return null;
          const overdue = progress.actions.filter((a) => a.overdue).length;
          return (
            <div key={goal.id} className={styles.goal} data-goal={goal.id}>
              <Text as="h3" size={400} weight="semibold" block>
                {goal.label ? `${goal.label}: ` : ''}
                {goal.text}
              </Text>
              <Text block size={200} className={styles.subtle}>
                {goal.source}
              </Text>
              <Text block size={200}>
                {progress.themes.length > 0
                  ? t('goals.themes', {
                      themes: progress.themes
                        .map((id) => themes.get(id))
                        .map((th) => (th ? `${th.number}. ${th.title}` : ''))
                        .join(', '),
                    })
                  : t('goals.noThemes')}
              </Text>
              <Text block size={200}>
                {progress.actions.length === 1
                  ? t('goals.actionCountOne')
                  : t('goals.actionCount', { count: progress.actions.length })}
                {overdue > 0 && (
                  <>
                    {' '}
                    <Badge appearance="filled" color="danger">
                      {t('status.overdue', { count: overdue })}
                    </Badge>
                  </>
                )}
              </Text>
              {progress.signs.length > 0 && data.value.period && (
                <div className={styles.scroll}>
                  <table className={styles.table} data-testid={`goal-signs-${goal.id}`}>
                    <caption className={styles.subtle}>
                      {data.value.previousPeriod
                        ? t('goals.signsCaptionChange', {
                            period: periodName(data.value.period, t),
                            previous: periodName(data.value.previousPeriod, t),
                          })
                        : t('goals.signsCaption', { period: periodName(data.value.period, t) })}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col" className={styles.cell}>
                          {t('units.sign')}
                        </th>
                        {(['ja', 'delvis', 'nei'] as const).map((a) => (
                          <th key={a} scope="col" className={styles.cell}>
                            {t(`units.answer.${a}`)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {progress.signs.map((sign) => (
                        <tr key={sign.signId}>
                          <th scope="row" className={styles.cell}>
                            {sign.text}
                          </th>
                          {(['ja', 'delvis', 'nei'] as const).map((a) => (
                            <td key={a} className={styles.cell}>
                              {withChange(sign.now[a], sign.before?.[a])}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {progress.actions.length > 0 && (
                <ul className={styles.list}>
                  {(expanded.has(goal.id) ? progress.actions : progress.actions.slice(0, FIRST_ACTIONS)).map(
                    (a) => (
                      <li key={`${a.unitId}-${a.actionId}`} className={styles.item} data-overdue={a.overdue}>
                        <Link as="button" onClick={() => onOpen(a.unitId)}>
                          {a.unitName}
                        </Link>
                        {': '}
                        {a.text}
                        {' · '}
                        {t(`localPlan.status.${a.status}` as MessageKey)}
                        {a.deadline && (
                          <span className={a.overdue ? styles.overdue : undefined}>
                            {' · '}
                            {a.overdue
                              ? t('goals.overdueSince', { date: dates.long(a.deadline) })
                              : t('goals.dueBy', { date: dates.long(a.deadline) })}
                          </span>
                        )}
                        {a.viaTheme && themes.get(a.viaTheme) && (
                          <Text size={200} className={styles.subtle}>
                            {' '}
                            ({t('goals.viaTheme', { theme: themes.get(a.viaTheme)!.title })})
                          </Text>
                        )}
                      </li>
                    ),
                  )}
                </ul>
              )}
              {!expanded.has(goal.id) && progress.actions.length > FIRST_ACTIONS && (
                <Button onClick={() => setExpanded((e) => new Set([...e, goal.id]))}>
                  {t('goals.showAllActions', { count: progress.actions.length })}
                </Button>
              )}
            </div>
          );
        })}
    </section>
  );
}

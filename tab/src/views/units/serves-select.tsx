import { Field, Select, makeStyles } from '@fluentui/react-components';
import { servesChoices, type GoalLabel } from '../../../../bot/domain/reports/action-serves';
import { goalPlan } from '../../../../bot/domain/reports/plan-goals';
import type { PlanFile } from '../../api/types';
import type { Translate } from '../../i18n/i18n';
import { useI18n } from '../../i18n/i18n-context';

/**
 * A choice is cut to this many characters: the goals' whole texts made the select as wide as the
 * longest one, wider than its card. The whole text is the option's tooltip and shows once chosen.
 */
const CHOICE_LENGTH = 70;

/** «Oppvekstplanen, mål 1» / «Utviklingsplanen, mål 1»: both plans have a «mål 1». */
const goalLabel =
  (t: Translate): GoalLabel =>
  (plan, source, n) =>
    plan === 'oppvekstplan'
      ? t('docx2.goalOppvekstplan', { n })
      : plan === 'utviklingsplan'
        ? t('docx2.goalUtviklingsplan', { n })
        : t('docx2.goalOther', { source, n });

/** The plan's goals and themes as choices, in the reader's language. */
function choicesOf(plan: PlanFile, t: Translate, maxLength = CHOICE_LENGTH) {
  const words = {
    goal: t('goals.goalWord'),
    theme: t('goals.themeWord'),
    themes: t('goals.themesGroup'),
    goalLabel: goalLabel(t),
  };
  return servesChoices(plan, words, maxLength);
}

/** «Utviklingsplanen, mål 2: Alle barn …», whole, or '' when the action names nothing known. */
export function servesLabel(plan: PlanFile, serves: string | undefined, t: Translate): string {
  if (!serves) return '';
  return choicesOf(plan, t).find((c) => c.value === serves)?.full ?? '';
}

/** A goal group's name: short for the two plans people know, the source's own name otherwise. */
function groupLabel(source: string, t: Translate): string {
  const plan = goalPlan(source);
  if (plan === 'oppvekstplan') return t('docx2.groupOppvekstplan');
  if (plan === 'utviklingsplan') return t('docx2.groupUtviklingsplan');
  return t('goals.goalsGroup', { source });
}

const useStyles = makeStyles({
  // A grid item (the field) and a native select both size to their widest content unless told.
  field: { minWidth: 0 },
  root: { minWidth: 0, maxWidth: '100%' },
  select: { width: '100%', textOverflow: 'ellipsis' },
});

/**
 * The goal or theme of the plan an action serves (its label says «tjener i planen», not «mål»,
 * so it is never mistaken for the local plan's own «Mål» field): the goals under their source plan, then the
 * themes, after «Ikke valgt».
 */
export function ServesSelect({
  plan,
  value,
  n,
  className,
  disabled,
  onChange,
}: {
  plan: PlanFile;
  disabled?: boolean;
  value: string;
  /** The action's number, for the field's name to a screen reader. */
  n: number;
  className?: string;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const choices = choicesOf(plan, t);
  const groups = [...new Set(choices.map((c) => c.group))];
  const chosen = choices.find((c) => c.value === value);
  return (
    <Field label={t('goals.serves')} className={`${styles.field} ${className ?? ''}`}>
      <Select
        value={value}
        disabled={disabled}
        title={chosen?.full}
        className={styles.root}
        select={{ className: styles.select }}
        aria-label={t('goals.servesFor', { n })}
        data-testid="action-serves"
        onChange={(_, d) => onChange(d.value)}
      >
        <option value="">{t('goals.servesNone')}</option>
        {groups.map((group) => {
          const inGroup = choices.filter((c) => c.group === group);
          const label = inGroup[0]?.kind === 'goal' ? groupLabel(group, t) : group;
          return (
            <optgroup key={group} label={label}>
              {inGroup.map((c) => (
                <option key={c.value} value={c.value} title={c.full}>
                  {c.title}
                </option>
              ))}
            </optgroup>
          );
        })}
      </Select>
    </Field>
  );
}

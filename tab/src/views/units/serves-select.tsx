import { Field, Select } from '@fluentui/react-components';
import { servesChoices } from '../../../../bot/domain/reports/action-serves';
import type { PlanFile } from '../../api/types';
import type { Translate } from '../../i18n/i18n';
import { useI18n } from '../../i18n/i18n-context';

/** The plan's goals and themes as choices, in the reader's language. */
function choicesOf(plan: PlanFile, t: Translate) {
  const words = { goal: t('goals.goalWord'), theme: t('goals.themeWord'), themes: t('goals.themesGroup') };
  // The tab has room for a goal's whole text; only a card's one-line choice is cut.
  return servesChoices(plan, words, Number.POSITIVE_INFINITY);
}

/** «Mål 2: Barn og unge …», the way the choice reads, or '' when the action names nothing known. */
export function servesLabel(plan: PlanFile, serves: string | undefined, t: Translate): string {
  if (!serves) return '';
  return choicesOf(plan, t).find((c) => c.value === serves)?.title ?? '';
}

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
  const choices = choicesOf(plan, t);
  const groups = [...new Set(choices.map((c) => c.group))];
  return (
    <Field label={t('goals.serves')} className={className}>
      <Select
        value={value}
        disabled={disabled}
        aria-label={t('goals.servesFor', { n })}
        data-testid="action-serves"
        onChange={(_, d) => onChange(d.value)}
      >
        <option value="">{t('goals.servesNone')}</option>
        {groups.map((group) => {
          const inGroup = choices.filter((c) => c.group === group);
          const label = inGroup[0]?.kind === 'goal' ? t('goals.goalsGroup', { source: group }) : group;
          return (
            <optgroup key={group} label={label}>
              {inGroup.map((c) => (
                <option key={c.value} value={c.value}>
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

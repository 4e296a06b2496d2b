import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { PlanFile } from '../../api/types';
import type { MessageKey } from '../../i18n/i18n';
import { useI18n } from '../../i18n/i18n-context';
import { ServesSelect } from './serves-select';

/** One action of a local plan as a form holds it: what, its deadline, status, who, what it serves. */
export interface ActionDraft {
  id: string;
  text: string;
  deadline: string;
  status: string;
  responsible: string;
  /** The goal or theme of the plan it serves (`goal:<id>`, `theme:<id>`), or ''. */
  serves: string;
}

export const STATUSES = ['ikke-startet', 'pågår', 'fullført'] as const;

export const emptyAction = (): ActionDraft => ({
  id: '',
  text: '',
  deadline: '',
  status: 'ikke-startet',
  responsible: '',
  serves: '',
});

/**
 * The labels each form has always used: the report form names the action in every label (its
 * fields are read one by one against the card's), the local plan editor says it once.
 */
const LABELS = {
  reportForm: {
    text: 'reportForm.action',
    deadline: 'reportForm.actionDeadline',
    status: 'reportForm.actionStatus',
    responsible: 'reportForm.actionResponsible',
    statusWord: 'reportForm.status.',
    remove: 'reportForm.remove',
    removeAction: 'reportForm.removeAction',
  },
  localPlan: {
    text: 'localPlan.action',
    deadline: 'localPlan.deadline',
    status: 'localPlan.statusLabel',
    responsible: 'localPlan.responsible',
    statusWord: 'localPlan.status.',
    remove: 'localPlan.remove',
    removeAction: 'localPlan.removeAction',
  },
} as const;

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
  cell: { flex: '1 1 10rem', minWidth: 0 },
});

/** A field's refusal, and the id its root takes so a list of problems can link to it. */
type Invalid = { id?: string; validationMessage?: string; validationState?: 'error' };

/**
 * One action's fields, shared by the half-year report form and the local plan editor: the action,
 * its deadline and status, who is responsible, what in the plan it serves, and «Fjern».
 */
export function ActionRowFields({
  action,
  n,
  labels,
  plan,
  required = false,
  readOnly = false,
  invalid = () => ({}),
  testId,
  focusText = false,
  onChange,
  onRemove,
}: {
  action: ActionDraft;
  /** Just added with «Legg til handling»: the keyboard continues in its text, not below the form. */
  focusText?: boolean;
  /** Its number in the form, from 1. */
  n: number;
  labels: keyof typeof LABELS;
  /** The plan, for the goals and themes it can serve; without it the choice is left out. */
  plan: PlanFile | undefined;
  required?: boolean;
  readOnly?: boolean;
  /** A field's refusal from the server (`text`, `deadline`, `status`, `responsible`). */
  invalid?: (field: 'text' | 'deadline' | 'status' | 'responsible') => Invalid;
  testId: string;
  onChange: (next: Partial<ActionDraft>) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const words = LABELS[labels];
  return (
    <div className={styles.row} data-testid={testId}>
      <Field label={t(words.text, { n })} required={required} {...invalid('text')}>
        <Textarea
          value={action.text}
          readOnly={readOnly}
          // Only for a row the person just added by her own press.
          autoFocus={focusText}
          onChange={(_, d) => onChange({ text: d.value })}
        />
      </Field>
      <div className={styles.line}>
        <Field
          label={t(words.deadline, { n })}
          required={required}
          className={styles.cell}
          {...invalid('deadline')}
        >
          <Input
            type="date"
            value={action.deadline}
            readOnly={readOnly}
            onChange={(_, d) => onChange({ deadline: d.value })}
          />
        </Field>
        <Field
          label={t(words.status, { n })}
          required={required}
          className={styles.cell}
          {...invalid('status')}
        >
          <Select
            value={action.status}
            disabled={readOnly}
            onChange={(_, d) => onChange({ status: d.value })}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`${words.statusWord}${s}` as MessageKey)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t(words.responsible)} className={styles.cell} {...invalid('responsible')}>
          <Input
            value={action.responsible}
            readOnly={readOnly}
            onChange={(_, d) => onChange({ responsible: d.value })}
          />
        </Field>
        {plan && (!readOnly || action.serves) && (
          <ServesSelect
            plan={plan}
            value={action.serves}
            n={n}
            className={styles.cell}
            disabled={readOnly}
            onChange={(serves) => onChange({ serves })}
          />
        )}
        {!readOnly && (
          <Button aria-label={t(words.removeAction, { n })} onClick={onRemove}>
            {t(words.remove)}
          </Button>
        )}
      </div>
    </div>
  );
}

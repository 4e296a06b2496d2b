import { Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { dateFormats } from '../../../dates/format';
import { useI18n } from '../../../i18n/i18n-context';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  words: { color: tokens.colorNeutralForeground2 },
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date input with the chosen date in words beside it («fredag 18. desember 2026»): the
 * browser shows the input in its own locale's order (12/18/2026 or 18.12.2026), so the words
 * are what says which day it is.
 */
export function DateField({
  label,
  value,
  onChange,
  min,
  required,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  min?: string;
  required?: boolean;
  testId?: string;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const words = ISO_DATE.test(value) ? dateFormats(language).long(value) : '';
  return (
    <Field label={label} required={required}>
      <div className={styles.row}>
        <Input
          type="date"
          value={value}
          min={min}
          onChange={(_, d) => onChange(d.value)}
          data-testid={testId}
        />
        <Text className={styles.words} aria-live="polite" data-testid={testId && `${testId}-words`}>
          {words ? t('campaignAdmin.chosenDate', { date: words }) : t('campaignAdmin.noDate')}
        </Text>
      </div>
    </Field>
  );
}

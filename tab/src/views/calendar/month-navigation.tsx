import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { addMonths, monthOf } from '../../dates/plain-date';
import { dateFormats } from '../../dates/format';
import { useI18n } from '../../i18n/i18n-context';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalS,
  },
  month: { minWidth: '9rem', textAlign: 'center', textTransform: 'capitalize' },
});

export function MonthNavigation(props: { month: string; today: string; onMonth: (month: string) => void }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const { month, onMonth } = props;
  return (
    <div className={styles.bar}>
      <Button
        aria-label={t('calendar.previous')}
        icon={<span aria-hidden="true">‹</span>}
        onClick={() => onMonth(addMonths(month, -1))}
      />
      <Text
        as="h3"
        size={400}
        weight="semibold"
        className={styles.month}
        aria-live="polite"
        data-testid="month-label"
      >
        {dateFormats(language).monthYear(month)}
      </Text>
      <Button
        aria-label={t('calendar.next')}
        icon={<span aria-hidden="true">›</span>}
        onClick={() => onMonth(addMonths(month, 1))}
      />
      <Button appearance="subtle" onClick={() => onMonth(monthOf(props.today))}>
        {t('calendar.today')}
      </Button>
    </div>
  );
}

import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { EventView } from '../../api/types';
import { dateFormats } from '../../dates/format';
import { monthWeeks } from '../../dates/month-weeks';
import { useI18n } from '../../i18n/i18n-context';
import { EventChip } from './event-chip';

const useStyles = makeStyles({
  table: { width: '100%', tableLayout: 'fixed', borderCollapse: 'collapse' },
  head: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    padding: tokens.spacingVerticalXS,
  },
  week: {
    width: '3rem',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    verticalAlign: 'top',
    padding: tokens.spacingVerticalXS,
  },
  day: {
    verticalAlign: 'top',
    height: '5.5rem',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalXXS,
    overflow: 'hidden',
  },
  outside: { background: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3 },
  today: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  number: { fontSize: tokens.fontSizeBase200, marginBottom: '2px' },
  todayNumber: {
    display: 'inline-block',
    minWidth: '1.5em',
    textAlign: 'center',
    borderRadius: tokens.borderRadiusCircular,
    background: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
  },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
});

interface Props {
  month: string;
  events: readonly EventView[];
  today: string;
  onOpen: (id: string) => void;
}

/** A Monday-first month with ISO week numbers down the side and today outlined. */
export function MonthGrid({ month, events, today, onOpen }: Props) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const formats = dateFormats(language);
  const weeks = useMemo(() => monthWeeks(month), [month]);
  const byDay = useMemo(() => {
    const map = new Map<string, EventView[]>();
    const first = weeks[0]!.days[0]!;
    const last = weeks[weeks.length - 1]!.days[6]!;
    for (const event of events) {
      const end = event.endDate ?? event.date;
      if (end < first || event.date > last) continue;
      for (const week of weeks) {
        for (const day of week.days) {
          if (day >= event.date && day <= end) map.set(day, [...(map.get(day) ?? []), event]);
        }
      }
    }
    return map;
  }, [events, weeks]);

  return (
    <table className={styles.table} aria-label={t('calendar.monthGrid', { month: formats.monthYear(month) })}>
      <thead>
        <tr>
          <th scope="col" className={styles.head}>
            {t('calendar.weekShort')}
          </th>
          {weeks[0]!.days.map((day) => (
            <th key={day} scope="col" className={styles.head}>
              {formats.weekdayShort(day)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week.days[0]}>
            <th scope="row" className={styles.week} data-testid="iso-week">
              {week.isoWeek}
            </th>
            {week.days.map((day) => (
              <td
                key={day}
                className={mergeClasses(
                  styles.day,
                  day.slice(0, 7) !== month && styles.outside,
                  day === today && styles.today,
                )}
                aria-current={day === today ? 'date' : undefined}
                data-date={day}
              >
                <div className={styles.number}>
                  <span className={day === today ? styles.todayNumber : undefined}>{formats.day(day)}</span>
                  {day === today && <span className={styles.hidden}> ({t('calendar.todayMarker')})</span>}
                </div>
                {(byDay.get(day) ?? []).map((event) => (
                  <EventChip key={event.id} event={event} onOpen={onOpen} />
                ))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

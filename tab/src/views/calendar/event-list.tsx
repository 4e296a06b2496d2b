import { Badge, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { EventView } from '../../api/types';
import { dateFormats } from '../../dates/format';
import { useI18n } from '../../i18n/i18n-context';

const useStyles = makeStyles({
  week: { marginTop: tokens.spacingVerticalL },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8rem, 14rem) 1fr',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 640px)': { gridTemplateColumns: '1fr', gap: tokens.spacingVerticalXXS },
  },
  today: { background: tokens.colorBrandBackground2 },
  when: { color: tokens.colorNeutralForeground2 },
  title: { fontWeight: tokens.fontWeightSemibold, textAlign: 'start' },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

interface Props {
  events: readonly EventView[];
  today: string;
  onOpen: (id: string) => void;
  /** Empty text for one month rather than for a filter. */
  emptyMonth?: boolean;
}

/** Events grouped by ISO week, in date order. */
export function EventList({ events, today, onOpen, emptyMonth }: Props) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const formats = dateFormats(language);
  const weeks = useMemo(() => {
    const groups: { key: string; week: number; events: EventView[] }[] = [];
    for (const event of events) {
      const key = `${event.date.slice(0, 4)}-${event.isoWeek}`;
      const last = groups[groups.length - 1];
      if (last?.key === key) last.events.push(event);
      else groups.push({ key, week: event.isoWeek, events: [event] });
    }
    return groups;
  }, [events]);

  if (events.length === 0)
    return <Text block>{t(emptyMonth ? 'calendar.emptyMonth' : 'calendar.empty')}</Text>;
  return (
    <div data-testid="event-list">
      {weeks.map((group) => (
        <section key={group.key} className={styles.week} aria-labelledby={`uke-${group.key}`}>
          <Text as="h3" id={`uke-${group.key}`} size={400} weight="semibold" block>
            {t('calendar.weekNumber', { week: group.week })}
          </Text>
          <ul className={styles.list}>
            {group.events.map((event) => {
              const isToday = today >= event.date && today <= (event.endDate ?? event.date);
              return (
                <li key={event.id} className={isToday ? `${styles.item} ${styles.today}` : styles.item}>
                  <Text className={styles.when}>
                    {formats.short(event.date)}
                    {event.endDate && event.endDate !== event.date
                      ? ` – ${formats.short(event.endDate)}`
                      : ''}
                    {event.slots[0] ? `, ${event.slots[0].start}` : ''}
                  </Text>
                  <div className={styles.meta}>
                    <Link
                      as="button"
                      className={styles.title}
                      data-event-id={event.id}
                      onClick={() => onOpen(event.id)}
                    >
                      {event.title}
                    </Link>
                    <Badge appearance="outline" color="brand">
                      {event.programmeName}
                    </Badge>
                    {isToday && (
                      <Badge appearance="filled" color="brand">
                        {t('calendar.today')}
                      </Badge>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

import {
  Badge,
  Button,
  Link,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { titleNamesProgramme } from '../../../../bot/domain/plan/event-name';
import type { EventView } from '../../api/types';
import { dateFormats } from '../../dates/format';
import { useI18n } from '../../i18n/i18n-context';
import { groupByYearAndWeek, needsYearHeadings } from './list-groups';
import { isMilestone, lastDayOf } from './milestone';

const useStyles = makeStyles({
  year: { marginTop: tokens.spacingVerticalXL },
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
  // The link colour on today's tint is 3.9:1 in Teams' dark theme; this one is 4.5:1 or more in all.
  todayTitle: { color: tokens.colorBrandForeground2 },
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
  /** Start at today, with the earlier events one press away (the list view; not one month's list). */
  fromToday?: boolean;
  /**
   * The unfiltered calendar, when `events` is a filter of it: a list names its years whenever the
   * full list would, so the headings stay when one network is chosen.
   */
  yearsOf?: readonly EventView[];
}

/**
 * Events grouped by ISO week, in date order, under year headings when the list (earlier events
 * too) or the unfiltered calendar spans more than one year or is not in this year. From today on when `fromToday`, with «Vis tidligere hendelser» for the rest.
 */
export function EventList({ events, today, onOpen, emptyMonth, fromToday, yearsOf }: Props) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const formats = dateFormats(language);
  const [showEarlier, setShowEarlier] = useState(false);
  // Where focus goes back when the event's dialog closes (it opens through the route).
  const restoreFocus = useRestoreFocusTarget();
  const earlier = fromToday ? events.filter((e) => lastDayOf(e) < today).length : 0;
  const shown = useMemo(
    () => (fromToday && !showEarlier ? events.filter((e) => lastDayOf(e) >= today) : events),
    [events, fromToday, showEarlier, today],
  );
  const years = useMemo(() => groupByYearAndWeek(shown), [shown]);
  const withYears = needsYearHeadings(events, today) || (!!yearsOf && needsYearHeadings(yearsOf, today));

  if (events.length === 0)
    return <Text block>{t(emptyMonth ? 'calendar.emptyMonth' : 'calendar.empty')}</Text>;
  return (
    <div data-testid="event-list">
      {earlier > 0 && (
        <Button appearance="secondary" onClick={() => setShowEarlier(!showEarlier)}>
          {showEarlier ? t('calendar.hideEarlier') : t('calendar.showEarlier', { count: earlier })}
        </Button>
      )}
      {shown.length === 0 && <Text block>{t('calendar.noUpcoming')}</Text>}
      {years.map((year) => (
        <section
          key={year.year}
          className={withYears ? styles.year : undefined}
          aria-labelledby={withYears ? `aar-${year.year}` : undefined}
        >
          {withYears && (
            <Text
              as="h3"
              id={`aar-${year.year}`}
              size={500}
              weight="semibold"
              block
              data-testid="year-heading"
            >
              {year.year}
            </Text>
          )}
          {year.weeks.map((group) => (
            <section key={group.key} className={styles.week} aria-labelledby={`uke-${group.key}`}>
              <Text as={withYears ? 'h4' : 'h3'} id={`uke-${group.key}`} size={400} weight="semibold" block>
                {t('calendar.weekNumber', { week: group.week })}
              </Text>
              <ul className={styles.list}>
                {group.events.map((event) => {
                  const isToday = today >= event.date && today <= lastDayOf(event);
                  const milestone = isMilestone(event);
                  return (
                    <li key={event.id} className={isToday ? `${styles.item} ${styles.today}` : styles.item}>
                      <Text className={styles.when}>
                        {event.month
                          ? t('goals.duringMonth', { month: formats.monthYear(event.month) })
                          : formats.short(event.date)}
                        {event.endDate && event.endDate !== event.date
                          ? ` – ${formats.short(event.endDate)}`
                          : ''}
                        {event.slots[0] ? `, ${event.slots[0].start}` : ''}
                      </Text>
                      <div className={styles.meta}>
                        <Link
                          as="button"
                          className={mergeClasses(styles.title, isToday && styles.todayTitle)}
                          data-event-id={event.id}
                          {...restoreFocus}
                          onClick={() => onOpen(event.id)}
                        >
                          {event.title}
                        </Link>
                        {!titleNamesProgramme(event.title, event.programmeName) && (
                          <Badge appearance="outline" color="brand">
                            {event.programmeName}
                          </Badge>
                        )}
                        {milestone && (
                          <Badge appearance="tint" color="important" data-testid="milestone-badge">
                            {t('goals.milestone')}
                          </Badge>
                        )}
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
        </section>
      ))}
    </div>
  );
}

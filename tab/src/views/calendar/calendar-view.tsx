import { Select, Text, ToggleButton, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { EventView, PlanFile } from '../../api/types';
import { monthOf } from '../../dates/plain-date';
import { todayInOslo } from '../../dates/today';
import { useI18n } from '../../i18n/i18n-context';
import type { Route } from '../../navigation/route';
import { useNarrow } from '../../theme/use-narrow';
import type { Api } from '../../api/api-client';
import { EventDetails } from './event-details';
import { EventList } from './event-list';
import { filterEvents, programmeOptions } from './filter-events';
import { MonthNavigation } from './month-navigation';
import { MonthGrid } from './month-grid';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
  },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '12rem' },
  modes: { display: 'flex', gap: tokens.spacingHorizontalXS },
  count: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  api: Api;
  plan: PlanFile;
  events: EventView[];
  route: Route;
  navigate: (route: Route) => void;
}

/** The plan's calendar: a month grid or a list by ISO week, filtered by programme and unit. */
export function CalendarView({ api, plan, events, route, navigate }: Props) {
  const { t } = useI18n();
  const styles = useStyles();
  const narrow = useNarrow();
  const programmeId = useId('programme');
  const unitId = useId('unit');
  const today = todayInOslo();
  const mode = route.mode ?? 'maaned';
  const shown = useMemo(
    () => filterEvents(events, plan, { programme: route.programme, unit: route.unit }),
    [events, plan, route.programme, route.unit],
  );
  const month = route.month ?? defaultMonth(events, today);
  const set = (change: Partial<Route>) => {
    const next: Route = { ...route, ...change };
    navigate(
      Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== '')) as Route,
    );
  };
  const open = (id: string) => set({ event: id });
  const selected = route.event ? events.find((e) => e.id === route.event) : undefined;

  return (
    <section aria-labelledby="kalender-tittel">
      <Text as="h2" id="kalender-tittel" size={500} weight="semibold" block>
        {t('calendar.heading')}
      </Text>
      <div className={styles.toolbar}>
        <div className={styles.modes} role="group" aria-label={t('calendar.mode')}>
          <ToggleButton checked={mode === 'maaned'} onClick={() => set({ mode: 'maaned' })}>
            {t('calendar.month')}
          </ToggleButton>
          <ToggleButton checked={mode === 'liste'} onClick={() => set({ mode: 'liste' })}>
            {t('calendar.list')}
          </ToggleButton>
        </div>
        <div className={styles.field}>
          <label htmlFor={programmeId}>{t('calendar.filterProgramme')}</label>
          <Select
            id={programmeId}
            value={route.programme ?? ''}
            onChange={(_, d) => set({ programme: d.value || undefined })}
          >
            <option value="">{t('common.all')}</option>
            {programmeOptions(plan).map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </Select>
        </div>
        <div className={styles.field}>
          <label htmlFor={unitId}>{t('calendar.filterUnit')}</label>
          <Select
            id={unitId}
            value={route.unit ?? ''}
            onChange={(_, d) => set({ unit: d.value || undefined })}
          >
            <option value="">{t('common.all')}</option>
            {plan.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        </div>
        <Text className={styles.count} aria-live="polite" data-testid="event-count">
          {t('calendar.count', { count: shown.length })}
        </Text>
      </div>
      {mode === 'maaned' && (
        <MonthNavigation month={month} today={today} onMonth={(m) => set({ month: m })} />
      )}
      {mode === 'liste' ? (
        <EventList events={shown} yearsOf={events} today={today} onOpen={open} fromToday />
      ) : narrow ? (
        <EventList
          events={shown.filter((e) => overlapsMonth(e, month))}
          today={today}
          onOpen={open}
          emptyMonth
        />
      ) : (
        <MonthGrid month={month} events={shown} today={today} onOpen={open} />
      )}
      <EventDetails
        api={api}
        plan={plan}
        id={route.event}
        event={selected}
        onClose={() => set({ event: undefined })}
      />
    </section>
  );
}

function overlapsMonth(event: EventView, month: string): boolean {
  return monthOf(event.date) <= month && monthOf(event.endDate ?? event.date) >= month;
}

/** This month while the plan runs, else the plan's first month. */
function defaultMonth(events: readonly EventView[], today: string): string {
  const first = events[0];
  const last = events[events.length - 1];
  if (!first || !last) return monthOf(today);
  const now = monthOf(today);
  return now >= monthOf(first.date) && now <= monthOf(last.endDate ?? last.date) ? now : monthOf(first.date);
}

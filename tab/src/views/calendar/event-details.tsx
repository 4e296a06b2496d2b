import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, type ReactNode } from 'react';
import type { Api } from '../../api/api-client';
import type { EventRule, EventView, PlanFile } from '../../api/types';
import { Loading } from '../../components/load-state';
import { dateFormats } from '../../dates/format';
import type { Translate } from '../../i18n/i18n';
import { useI18n } from '../../i18n/i18n-context';
import { isMilestone } from './milestone';
import { ReadReceipts } from './read-receipts';
import { SubscribeLink } from './subscribe-link';

// The agenda's form and actions load when an event is opened, not with the calendar.
const AgendaPanel = lazy(() => import('./agenda-panel'));

const useStyles = makeStyles({
  list: { margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalM },
  value: { marginInlineStart: 0, whiteSpace: 'pre-line' },
});

interface Props {
  api: Api;
  plan: PlanFile;
  /** The id asked for (from a deep link), even when no such event exists. */
  id: string | undefined;
  event: EventView | undefined;
  onClose: () => void;
}

/**
 * One event: when, times, place, reading, participants, rules and notes (and for administrators
 * the notes on the source), with the event as a calendar file and the person's own feed.
 */
export function EventDetails({ api, plan, id, event, onClose }: Props) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const formats = dateFormats(language);
  const roles = new Map(plan.roles.map((r) => [r.id, r.name]));
  const programmes = new Map(plan.programmes.map((p) => [p.id, p.name]));
  const milestone = event !== undefined && isMilestone(event);
  const row = (term: string, value: ReactNode) => (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{value}</dd>
    </>
  );

  return (
    <Dialog open={id !== undefined} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{event?.title ?? t('event.notFound', { id: id ?? '' })}</DialogTitle>
          <DialogContent>
            {event && (
              <dl className={styles.list} data-testid="event-details">
                {milestone && row(t('goals.kind'), t('goals.notAMeeting'))}
                {row(
                  milestone ? t('goals.due') : t('event.when'),
                  event.month ? (
                    t('goals.duringMonth', { month: formats.monthYear(event.month) })
                  ) : (
                    <>
                      {formats.range(event.date, event.endDate)} · {t('event.week', { week: event.isoWeek })}
                      {event.printedWeek ? ` (${t('event.printedWeek', { week: event.printedWeek })})` : ''}
                    </>
                  ),
                )}
                {!milestone &&
                  row(
                    t('event.slots'),
                    event.slots.length === 0
                      ? t('event.noSlots')
                      : event.slots
                          .map((s) => `${s.start}${s.end ? `–${s.end}` : ''}${s.label ? ` ${s.label}` : ''}`)
                          .join('\n'),
                  )}
                {event.location && row(t('event.location'), event.location)}
                {row(
                  t('event.programme'),
                  [event.programmeName, ...event.alsoFor.map((p) => programmes.get(p) ?? p)].join(', '),
                )}
                {(event.participantsText || event.participants.length > 0) &&
                  row(
                    milestone ? t('goals.responsible') : t('event.participants'),
                    event.participantsText ?? event.participants.map((r) => roles.get(r) ?? r).join(', '),
                  )}
                {event.reading && row(t('event.reading'), event.reading)}
                {event.reading && row(t('event.readBy'), <ReadReceipts api={api} eventId={event.id} />)}
                {event.rules.length > 0 &&
                  row(t('event.rules'), event.rules.map((r) => ruleText(r, t)).join('\n'))}
                {event.notes.length > 0 && row(t('event.notes'), event.notes.join('\n'))}
                {event.sourceNotes &&
                  event.sourceNotes.length > 0 &&
                  row(t('event.sourceNotes'), event.sourceNotes.join('\n'))}
                {row(
                  t('event.ics'),
                  <Link
                    href={`/api/events/${encodeURIComponent(event.id)}.ics?plan=${encodeURIComponent(event.planKey)}`}
                    download={`${event.id}.ics`}
                  >
                    {t('event.icsDownload')}
                  </Link>,
                )}
                {row(t('event.subscribe'), <SubscribeLink api={api} />)}
              </dl>
            )}
            {event && !milestone && (
              <Suspense fallback={<Loading />}>
                <AgendaPanel
                  api={api}
                  eventId={event.id}
                  {...(event.endDate ? { endDate: event.endDate } : {})}
                />
              </Suspense>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t('event.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function ruleText(rule: EventRule, t: Translate): string {
  const own = rule.text ? ` (${rule.text})` : '';
  switch (rule.kind) {
    case 'agenda-items-deadline':
    case 'agenda-publish':
      return t(`rule.${rule.kind}`, { days: rule.daysBefore }) + own;
    case 'window':
      return t('rule.window', { before: rule.daysBefore, after: rule.daysAfter }) + own;
    case 'deadline':
      return t('rule.deadline', { text: rule.text });
  }
}

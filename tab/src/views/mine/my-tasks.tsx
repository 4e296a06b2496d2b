import { Badge, Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { Api } from '../../api/api-client';
import { useLoad } from '../../api/use-load';
import { LoadFailed, Loading } from '../../components/load-state';
import { dateFormats } from '../../dates/format';
import { useI18n } from '../../i18n/i18n-context';
import type { Route } from '../../navigation/route';
import type { ActionTask, MyTasks as Answer, ReportTask } from './mine-types';
import { RouteLink } from './route-link';
import { useMineStyles } from './mine-styles';
import { reportStateOf } from './mine-words';

const WEEKS = 6;

/**
 * «Mine oppgaver»: reading she has not marked read, the reports her units owe, and her units'
 * local-plan actions due within six weeks or overdue; each links to where it is done.
 */
export function MyTasks({
  api,
  navigate,
  onMarkedRead,
}: {
  api: Api;
  navigate: (route: Route) => void;
  /** After a reading is marked read here, for the rest of the page. */
  onMarkedRead?: () => void;
}) {
  const { t } = useI18n();
  const styles = useMineStyles();
  const [answer, reload] = useLoad(() => api.get<Answer>(`/api/me/tasks?weeks=${WEEKS}`), [api]);
  const heading = (
    <Text as="h2" id="mine-oppgaver-tittel" size={500} weight="semibold" block>
      {t('mine.tasks')}
    </Text>
  );
  if (answer.state !== 'ready')
    return (
      <section className={styles.section} aria-labelledby="mine-oppgaver-tittel" data-testid="my-tasks">
        {heading}
        {answer.state === 'loading' ? <Loading /> : <LoadFailed error={answer.error} retry={reload} />}
      </section>
    );
  const tasks = answer.value;
  const nothing = tasks.readings.length + tasks.reports.length + tasks.actions.length === 0;
  return (
    <section className={styles.section} aria-labelledby="mine-oppgaver-tittel" data-testid="my-tasks">
      {heading}
      {nothing ? (
        <Text block className={styles.empty} data-testid="my-tasks-empty">
          {t('mine.tasksEmpty', { weeks: WEEKS })}
        </Text>
      ) : (
        <Readings tasks={tasks} navigate={navigate} api={api} onMarkedRead={onMarkedRead} />
      )}
      {nothing ? null : tasks.leadsUnits ? (
        <>
          <Reports tasks={tasks.reports} navigate={navigate} />
          <Actions tasks={tasks.actions} navigate={navigate} />
        </>
      ) : (
        <Text block className={`${styles.empty} ${styles.subtle}`}>
          {t('mine.reportsNotLeader')}
        </Text>
      )}
    </section>
  );
}

function Subheading({ id, text }: { id: string; text: string }) {
  const styles = useMineStyles();
  return (
    <Text as="h3" id={id} size={400} weight="semibold" block className={styles.subheading}>
      {text}
    </Text>
  );
}

function Readings({
  tasks,
  navigate,
  api,
  onMarkedRead,
}: {
  tasks: Answer;
  navigate: (route: Route) => void;
  api: Api;
  onMarkedRead?: (() => void) | undefined;
}) {
  const { t, language } = useI18n();
  const styles = useMineStyles();
  const formats = dateFormats(language);
  // What the last «Marker som lest» did, said politely to screen readers too (role=status).
  const [said, setSaid] = useState('');
  // Marked here: left out at once (the list is not loaded again, so the status line stays).
  const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
  const keyOf = (r: { planKey: string; eventId: string }) => `${r.planKey}/${r.eventId}`;
  const readings = tasks.readings.filter((r) => !marked.has(keyOf(r)));
  const markRead = (r: Answer['readings'][number]) =>
    api.post('/api/me/readings/read', { planKey: r.planKey, eventId: r.eventId }).then(
      () => {
        setMarked((before) => new Set([...before, keyOf(r)]));
        setSaid(t('digest2.marked', { title: r.title }));
        onMarkedRead?.();
      },
      () => setSaid(t('digest2.markFailed', { title: r.title })),
    );
  return (
    <div data-testid="my-readings">
      <Subheading id="mine-lesing" text={t('mine.readings')} />
      <Text block size={200} role="status" data-testid="my-readings-status">
        {said}
      </Text>
      {readings.length === 0 ? (
        <Text block className={styles.empty}>
          {t('mine.readingsEmpty')}
        </Text>
      ) : (
        <>
          <ul className={styles.list} aria-labelledby="mine-lesing">
            {readings.map((r) => (
              <li key={`${r.planKey}/${r.eventId}`} className={styles.item} data-event={r.eventId}>
                <Text>{r.text}</Text>
                <RouteLink
                  to={{ view: 'kalender', month: r.date.slice(0, 7), event: r.eventId }}
                  navigate={navigate}
                >
                  {t('mine.readingFor', { title: r.title, date: formats.long(r.date) })}
                </RouteLink>
                <Button
                  size="small"
                  aria-label={t('digest2.markReadLabel', { title: r.title })}
                  onClick={() => void markRead(r)}
                >
                  {t('digest2.markRead')}
                </Button>
              </li>
            ))}
          </ul>
          <Text block size={200} className={styles.subtle}>
            {t('mine.readingHow')}
          </Text>
        </>
      )}
    </div>
  );
}

function LateBadge({ text }: { text: string }) {
  const styles = useMineStyles();
  return (
    <Badge appearance="tint" color="danger" className={styles.badge}>
      <span aria-hidden="true">⚠&nbsp;</span>
      {text}
    </Badge>
  );
}

function Reports({ tasks, navigate }: { tasks: readonly ReportTask[]; navigate: (route: Route) => void }) {
  const { t, language } = useI18n();
  const styles = useMineStyles();
  const formats = dateFormats(language);
  return (
    <div data-testid="my-reports">
      <Subheading id="mine-rapporter" text={t('mine.reports')} />
      {tasks.length === 0 ? (
        <Text block className={styles.empty}>
          {t('mine.reportsEmpty')}
        </Text>
      ) : (
        <>
          <ul className={styles.list} aria-labelledby="mine-rapporter">
            {tasks.map((r) => (
              <li
                key={`${r.campaignId}/${r.unitId}`}
                className={r.overdue ? `${styles.item} ${styles.late}` : styles.item}
                data-campaign={r.campaignId}
                data-unit={r.unitId}
              >
                <Text weight="semibold">
                  {r.title} – {r.unitName}
                </Text>
                {r.overdue ? (
                  <LateBadge text={t('mine.reportLate', { date: formats.long(r.deadline) })} />
                ) : (
                  <Text>{t('mine.reportDue', { date: formats.long(r.deadline) })}</Text>
                )}
                <Text size={200}>{reportStateOf(r, t)}</Text>
                <RouteLink to={{ view: 'rapporter' }} navigate={navigate}>
                  {t('mine.openReports')}
                </RouteLink>
              </li>
            ))}
          </ul>
          <Text block size={200} className={styles.subtle}>
            {t('mine.reportHow')}
          </Text>
        </>
      )}
    </div>
  );
}

function Actions({ tasks, navigate }: { tasks: readonly ActionTask[]; navigate: (route: Route) => void }) {
  const { t, language } = useI18n();
  const styles = useMineStyles();
  const formats = dateFormats(language);
  return (
    <div data-testid="my-actions">
      <Subheading id="mine-handlinger" text={t('mine.actions')} />
      {tasks.length === 0 ? (
        <Text block className={styles.empty}>
          {t('mine.actionsEmpty', { weeks: WEEKS })}
        </Text>
      ) : (
        <>
          <Text block size={200} className={styles.subtle}>
            {t('mine.actionsWeeks', { weeks: WEEKS })}
          </Text>
          <ul className={styles.list} aria-labelledby="mine-handlinger">
            {tasks.map((a) => (
              <li
                key={`${a.unitId}/${a.id}`}
                className={a.overdue ? `${styles.item} ${styles.late}` : styles.item}
                data-unit={a.unitId}
                data-action={a.id}
              >
                <Text weight="semibold">{a.text}</Text>
                {a.overdue ? (
                  <LateBadge text={t('mine.actionLate', { date: formats.long(a.deadline) })} />
                ) : (
                  <Text>{t('mine.actionDue', { date: formats.long(a.deadline) })}</Text>
                )}
                <Text size={200}>
                  {a.unitName} · {t(`localPlan.status.${a.status}`)}
                  {a.responsible ? ` · ${t('mine.responsible', { name: a.responsible })}` : ''}
                </Text>
                <RouteLink to={{ view: 'enheter', unit: a.unitId }} navigate={navigate}>
                  {t('mine.openLocalPlan', { unit: a.unitName })}
                </RouteLink>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

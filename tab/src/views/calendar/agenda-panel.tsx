import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Api } from '../../api/api-client';
import { ApiError } from '../../api/api-client';
import type { AgendaItemView, AgendaResponse } from '../../api/view-types';
import { useLoad } from '../../api/use-load';
import { LoadFailed, Loading } from '../../components/load-state';
import { dateFormats } from '../../dates/format';
import { formatInstant } from '../../dates/instant';
import { useI18n } from '../../i18n/i18n-context';
import { AgendaItemForm } from './agenda-item-form';
import { AgendaItemRow, type ItemActions } from './agenda-item-row';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
  },
});

/** Accepted items by their order first, then the rest as they came in. */
function ordered(items: readonly AgendaItemView[]): AgendaItemView[] {
  const rank = (i: AgendaItemView) => (i.status === 'accepted' ? 0 : i.status === 'submitted' ? 1 : 2);
  return [...items].sort(
    (a, b) => rank(a) - rank(b) || a.order - b.order || a.submittedAt.localeCompare(b.submittedAt),
  );
}

/**
 * The meeting's agenda: its items, and for the meeting's coordinator or an admin accept, decline,
 * reorder and publish; «Endre» and «Trekk tilbake» on the items the caller may change; for
 * everyone a form to submit an item. Every change names the version shown (the item's, or the
 * agenda's for order and publish). The server checks every action; a conflict (someone changed
 * it first) shows the server's message and the agenda is reloaded.
 */
export default function AgendaPanel({
  api,
  eventId,
  endDate,
}: {
  api: Api;
  eventId: string;
  /** The meeting's last day, when it runs over several. */
  endDate?: string;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const formats = dateFormats(language);
  const path = `/api/meetings/${encodeURIComponent(eventId)}/agenda`;
  const [agenda, reload] = useLoad(() => api.get<AgendaResponse>(path), [api, path]);
  const [message, setMessage] = useState<{ intent: 'success' | 'error' | 'warning'; text: string }>();
  const [busy, setBusy] = useState(false);

  const act = async (run: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    setMessage(undefined);
    try {
      await run();
      setMessage({ intent: 'success', text: done });
      reload();
      return true;
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      const conflict = status === 409;
      setMessage({ intent: conflict ? 'warning' : 'error', text: (error as Error).message });
      // Someone changed the agenda first, or the caller's rights changed (the deadline passed, the
      // item is gone): show what is stored now. Invalid input keeps the form as it was typed.
      if (conflict || status === 403 || status === 404) reload();
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (agenda.state === 'loading') return <Loading />;
  if (agenda.state === 'failed') return <LoadFailed error={agenda.error} retry={reload} />;
  const a = agenda.value;
  // A withdrawn item has left the agenda.
  const items = ordered(a.items.filter((item) => item.status !== 'withdrawn'));
  const accepted = items.filter((i) => i.status === 'accepted');
  const move = (at: number, by: -1 | 1) => () => {
    const ids = accepted.map((i) => i.id);
    [ids[at], ids[at + by]] = [ids[at + by]!, ids[at]!];
    return act(() => api.put(`${path}/order`, { ids, version: a.version }), t('agenda.reordered'));
  };
  const actionsFor = (item: AgendaItemView): ItemActions => {
    const at = accepted.indexOf(item);
    const itemPath = `${path}/items/${encodeURIComponent(item.id)}`;
    return {
      decide: (status) =>
        act(
          () => api.post(`${itemPath}/decision`, { status, version: item.version }),
          t(status === 'accepted' ? 'agenda.acceptedDone' : 'agenda.declinedDone', { title: item.title }),
        ),
      ...(at > 0 ? { up: move(at, -1) } : {}),
      ...(at >= 0 && at < accepted.length - 1 ? { down: move(at, 1) } : {}),
      edit: (input) =>
        act(
          () => api.put(itemPath, { ...input, version: item.version }),
          t('agenda.editedDone', { title: input.title }),
        ),
      withdraw: () =>
        act(
          () => api.del(`${itemPath}?version=${item.version}`),
          t('agenda.withdrawnDone', { title: item.title }),
        ),
    };
  };
  const publish = (now: boolean) =>
    act(
      () => api.post(`${path}/publish`, { ...(now ? { now: true } : {}), version: a.version }),
      t('agenda.publishedDone'),
    );
  // The server's clock decides (local mode may move it), not the browser's.
  const late = a.pastDeadline;
  // A meeting that has been held: its published agenda, read only, or nothing at all.
  if (a.today > (endDate ?? a.date)) {
    const sent = a.publication && Date.parse(a.publication.sendAt) <= Date.now();
    if (!sent || accepted.length === 0) return null;
    return (
      <section className={styles.section} aria-labelledby={`saksliste-${eventId}`} data-testid="agenda">
        <Text as="h3" id={`saksliste-${eventId}`} size={400} weight="semibold" block>
          {t('event.agenda')}
        </Text>
        <Text block className={styles.meta} data-testid="agenda-publication">
          {t('agenda.published', { when: formatInstant(a.publication!.sendAt, language) })}
        </Text>
        <ol className={styles.list} aria-label={t('event.agenda')}>
          {accepted.map((item) => (
            <AgendaItemRow
              key={item.id}
              item={{ ...item, mayEdit: false }}
              mayManage={false}
              busy={false}
              actions={actionsFor(item)}
            />
          ))}
        </ol>
      </section>
    );
  }

  return (
    <section className={styles.section} aria-labelledby={`saksliste-${eventId}`} data-testid="agenda">
      <Text as="h3" id={`saksliste-${eventId}`} size={400} weight="semibold" block>
        {t('event.agenda')}
      </Text>
      <Text block data-testid="agenda-dates">
        {t(late ? 'agenda.deadlinePast' : 'agenda.deadline', { date: formats.long(a.deadline) })}
        {/* Once the agenda is out, or its day has passed, the publication line says what happened. */}
        {!a.publication && a.today <= a.publishDate
          ? ` · ${t('agenda.publishDate', { date: formats.long(a.publishDate) })}`
          : ''}
      </Text>
      <Text block className={styles.meta} data-testid="agenda-publication">
        {a.publication
          ? t(Date.parse(a.publication.sendAt) > Date.now() ? 'agenda.scheduled' : 'agenda.published', {
              when: formatInstant(a.publication.sendAt, language),
            })
          : t('agenda.notPublished')}
      </Text>
      {message && (
        <MessageBar intent={message.intent} role={message.intent === 'success' ? 'status' : 'alert'}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {items.length === 0 ? (
        <Text block>{t('agenda.empty')}</Text>
      ) : (
        <ol className={styles.list} aria-label={t('event.agenda')}>
          {items.map((item) => (
            <AgendaItemRow
              key={item.id}
              item={item}
              mayManage={a.mayManage}
              busy={busy}
              actions={actionsFor(item)}
            />
          ))}
        </ol>
      )}
      {a.mayManage && (
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={busy || accepted.length === 0}
            onClick={() => void publish(false)}
          >
            {a.publication ? t('agenda.republish') : t('agenda.publish')}
          </Button>
          <Button disabled={busy || accepted.length === 0} onClick={() => void publish(true)}>
            {t('agenda.publishNow')}
          </Button>
        </div>
      )}
      {a.maySubmit ? (
        <AgendaItemForm
          mayAcceptLate={a.mayManage && late}
          late={late}
          submit={(input) => act(() => api.post(`${path}/items`, input), t('agenda.submitted'))}
          busy={busy}
        />
      ) : (
        <Text block className={styles.meta} data-testid="agenda-closed">
          {t('agenda.closed', { date: formats.long(a.deadline) })}
        </Text>
      )}
    </section>
  );
}

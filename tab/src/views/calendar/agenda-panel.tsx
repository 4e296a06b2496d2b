import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Api } from '../../api/api-client';
import { ApiError } from '../../api/api-client';
import type { AgendaItem, AgendaResponse } from '../../api/view-types';
import { useLoad } from '../../api/use-load';
import { LoadFailed, Loading } from '../../components/load-state';
import { dateFormats } from '../../dates/format';
import { formatInstant } from '../../dates/instant';
import { todayInOslo } from '../../dates/today';
import { useI18n } from '../../i18n/i18n-context';
import { AgendaItemForm } from './agenda-item-form';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalS} 0`,
  },
  meta: { color: tokens.colorNeutralForeground2 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
  },
  description: { whiteSpace: 'pre-line', display: 'block' },
});

const COLOUR = {
  submitted: 'informative',
  accepted: 'success',
  declined: 'danger',
  withdrawn: 'subtle',
} as const;

/** Accepted items by their order first, then the rest as they came in. */
function ordered(items: readonly AgendaItem[]): AgendaItem[] {
  const rank = (i: AgendaItem) => (i.status === 'accepted' ? 0 : i.status === 'submitted' ? 1 : 2);
  return [...items].sort(
    (a, b) => rank(a) - rank(b) || a.order - b.order || a.submittedAt.localeCompare(b.submittedAt),
  );
}

/**
 * The meeting's agenda: its items, and for the meeting's coordinator or an admin accept, decline,
 * reorder and publish; for everyone a form to submit an item. The server checks every action; a
 * conflict (someone changed it first) is shown and the agenda reloaded.
 */
export default function AgendaPanel({ api, eventId }: { api: Api; eventId: string }) {
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
      const conflict = error instanceof ApiError && error.status === 409;
      setMessage({ intent: conflict ? 'warning' : 'error', text: (error as Error).message });
      if (conflict) reload();
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
  const move = (item: AgendaItem, by: -1 | 1) => {
    const ids = accepted.map((i) => i.id);
    const at = ids.indexOf(item.id);
    [ids[at], ids[at + by]] = [ids[at + by]!, ids[at]!];
    return act(() => api.put(`${path}/order`, { ids }), t('agenda.reordered'));
  };
  const late = todayInOslo() > a.deadline;

  return (
    <section className={styles.section} aria-labelledby={`saksliste-${eventId}`} data-testid="agenda">
      <Text as="h3" id={`saksliste-${eventId}`} size={400} weight="semibold" block>
        {t('event.agenda')}
      </Text>
      <Text block>
        {t('agenda.deadline', { date: formats.long(a.deadline) })} ·{' '}
        {t('agenda.publishDate', { date: formats.long(a.publishDate) })}
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
            <li key={item.id} className={styles.item} data-item-id={item.id}>
              <Text weight="semibold">{item.title}</Text>{' '}
              <Badge appearance="tint" color={COLOUR[item.status]}>
                {t(`agenda.status.${item.status}`)}
              </Badge>
              {item.late && <Text className={styles.meta}> {t('agenda.late')}</Text>}
              <Text block className={styles.meta}>
                {t('agenda.itemMeta', { presenter: item.presenter || '–', minutes: item.minutes })}
              </Text>
              {item.description && <Text className={styles.description}>{item.description}</Text>}
              {a.mayManage && (
                <div className={styles.actions}>
                  {item.status !== 'accepted' && (
                    <Button
                      size="small"
                      disabled={busy}
                      onClick={() =>
                        void act(
                          () => api.post(`${path}/items/${item.id}/decision`, { status: 'accepted' }),
                          t('agenda.acceptedDone', { title: item.title }),
                        )
                      }
                    >
                      {t('agenda.accept')}
                    </Button>
                  )}
                  {item.status !== 'declined' && (
                    <Button
                      size="small"
                      disabled={busy}
                      onClick={() =>
                        void act(
                          () => api.post(`${path}/items/${item.id}/decision`, { status: 'declined' }),
                          t('agenda.declinedDone', { title: item.title }),
                        )
                      }
                    >
                      {t('agenda.decline')}
                    </Button>
                  )}
                  {item.status === 'accepted' && (
                    <>
                      <Button
                        size="small"
                        disabled={busy || accepted[0]?.id === item.id}
                        onClick={() => void move(item, -1)}
                        aria-label={t('agenda.upFor', { title: item.title })}
                      >
                        {t('agenda.up')}
                      </Button>
                      <Button
                        size="small"
                        disabled={busy || accepted.at(-1)?.id === item.id}
                        onClick={() => void move(item, 1)}
                        aria-label={t('agenda.downFor', { title: item.title })}
                      >
                        {t('agenda.down')}
                      </Button>
                    </>
                  )}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {a.mayManage && (
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={busy || accepted.length === 0}
            onClick={() => void act(() => api.post(`${path}/publish`, {}), t('agenda.publishedDone'))}
          >
            {a.publication ? t('agenda.republish') : t('agenda.publish')}
          </Button>
          <Button
            disabled={busy || accepted.length === 0}
            onClick={() =>
              void act(() => api.post(`${path}/publish`, { now: true }), t('agenda.publishedDone'))
            }
          >
            {t('agenda.publishNow')}
          </Button>
        </div>
      )}
      <AgendaItemForm
        mayAcceptLate={a.mayManage && late}
        late={late}
        submit={(input) => act(() => api.post(`${path}/items`, input), t('agenda.submitted'))}
        busy={busy}
      />
    </section>
  );
}

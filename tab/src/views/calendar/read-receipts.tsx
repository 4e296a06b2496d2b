import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Api } from '../../api/api-client';
import { ApiError } from '../../api/api-client';
import type { EventReads } from '../../api/view-types';
import { useLoad } from '../../api/use-load';
import { LoadFailed } from '../../components/load-state';
import { formatInstant } from '../../dates/instant';
import { useI18n } from '../../i18n/i18n-context';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
  names: { margin: `${tokens.spacingVerticalXS} 0 0` },
});

/**
 * Who has pressed «Lest / utført» on the event's reading card: the count for its participants,
 * and the names of who has and has not read for admins and coordinators (the API decides).
 */
export function ReadReceipts({ api, eventId }: { api: Api; eventId: string }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const [reads, reload] = useLoad(
    () => api.get<EventReads>(`/api/events/${encodeURIComponent(eventId)}/reads`),
    [api, eventId],
  );
  if (reads.state === 'loading') return <Text className={styles.muted}>{t('app.loading')}</Text>;
  if (reads.state === 'failed') {
    if (reads.error instanceof ApiError && reads.error.status === 403)
      return <Text className={styles.muted}>{reads.error.message}</Text>;
    return <LoadFailed error={reads.error} retry={reload} />;
  }
  const r = reads.value;
  const name = (p: { name: string | null; aadObjectId: string }) => p.name ?? t('event.unknownPerson');
  return (
    <div data-testid="read-receipts">
      <Text weight="semibold">{t('event.readCount', { read: r.read, of: r.of })}</Text>
      {r.youReadAt && (
        <Text block className={styles.muted}>
          {t('event.youRead', { when: formatInstant(r.youReadAt, language) })}
        </Text>
      )}
      {r.readers && (
        <Text block className={styles.names}>
          {t('event.readers')}:{' '}
          {r.readers.length === 0
            ? t('common.none')
            : r.readers.map((p) => `${name(p)} (${formatInstant(p.at, language)})`).join(', ')}
        </Text>
      )}
      {r.notYet && (
        <Text block className={styles.names}>
          {t('event.notYet')}: {r.notYet.length === 0 ? t('common.none') : r.notYet.map(name).join(', ')}
        </Text>
      )}
    </div>
  );
}

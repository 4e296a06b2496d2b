import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Api } from '../../api/api-client';
import type { Broadcast, BroadcastStatus } from '../../api/view-types';
import { useLoad } from '../../api/use-load';
import { LoadFailed, Loading } from '../../components/load-state';
import { formatInstant } from '../../dates/instant';
import { useI18n } from '../../i18n/i18n-context';
import { BroadcastText } from './broadcast-text';
import { recipientCount, recipientLabel, sendTime, unreachedSentences } from './recipient-labels';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXL, maxWidth: '60rem' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalS} 0` },
  scroll: { overflowX: 'auto' },
});

/** A scheduled, sent or cancelled broadcast: where it went, each recipient's state, who has read. */
export function BroadcastDetails({
  api,
  broadcast,
  onChanged,
}: {
  api: Api;
  broadcast: Broadcast;
  onChanged: () => void;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const [status, reload] = useLoad(
    () => api.get<BroadcastStatus>(`/api/broadcasts/${broadcast.id}/status`),
    [api, broadcast.id],
  );
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string }>();
  const cancel = async () => {
    try {
      await api.post(`/api/broadcasts/${broadcast.id}/cancel`, {});
      setMessage({ intent: 'success', text: t('broadcasts.cancelledDone') });
      onChanged();
      reload();
    } catch (error) {
      setMessage({ intent: 'error', text: (error as Error).message });
    }
  };
  return (
    <section className={styles.section} aria-labelledby="melding-detaljer" data-testid="broadcast-details">
      <Text as="h3" id="melding-detaljer" size={400} weight="semibold" block>
        {broadcast.title}
      </Text>
      <BroadcastText text={broadcast.text} />
      {broadcast.reading && (
        <Text block>
          {t('broadcasts.reading')}: {broadcast.reading}
        </Text>
      )}
      {(broadcast.status === 'scheduled' || broadcast.status === 'sent') && (
        <div className={styles.actions}>
          {/* Cancelling applies only while something is left to send; the server says when. */}
          {status.state === 'ready' && status.value.actions.cancel && (
            <Button onClick={() => void cancel()}>{t('broadcasts.cancel')}</Button>
          )}
          <Button appearance="secondary" onClick={reload}>
            {t('broadcasts.refresh')}
          </Button>
        </div>
      )}
      {message && (
        <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {status.state === 'loading' ? (
        <Loading />
      ) : status.state === 'failed' ? (
        <LoadFailed error={status.error} retry={reload} />
      ) : (
        <>
          {status.value.broadcast.recipients !== undefined && (
            <Text block weight="semibold" data-testid="broadcast-reach">
              {t(
                status.value.broadcast.status === 'scheduled'
                  ? 'broadcasts.scheduledTo'
                  : 'broadcasts.sentTo',
                {
                  recipients: recipientCount(status.value.broadcast.recipients, t),
                  when: sendTime(status.value.broadcast.sendAt ?? broadcast.createdAt, language),
                },
              )}
            </Text>
          )}
          {/* Who the send left out, as it stood when it was sent: they are not in the table. */}
          {(status.value.broadcast.unreached?.length ?? 0) > 0 && (
            <Text block data-testid="broadcast-unreached">
              <strong>
                {t(
                  status.value.broadcast.status === 'scheduled'
                    ? 'broadcasts.unreachedHeadingScheduled'
                    : 'broadcasts.unreachedHeading',
                )}
                :{' '}
              </strong>
              {unreachedSentences(status.value.broadcast.unreached ?? [], t).join(' ')}
            </Text>
          )}
          <Text block data-testid="broadcast-counts">
            {Object.entries(status.value.counts)
              .map(([state, n]) => `${t(`delivery.${state}` as 'delivery.sent')}: ${n}`)
              .join(' · ') || t('broadcasts.noRecipients')}
          </Text>
          <div className={styles.scroll}>
            <Table size="small" aria-label={t('broadcasts.recipients')} data-testid="broadcast-recipients">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('broadcasts.recipient')}</TableHeaderCell>
                  <TableHeaderCell>{t('reports.status')}</TableHeaderCell>
                  <TableHeaderCell>{t('broadcasts.reason')}</TableHeaderCell>
                  <TableHeaderCell>{t('broadcasts.updated')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {status.value.recipients.map((r) => (
                  <TableRow key={r.conversationId}>
                    <TableCell>{recipientLabel(r, t)}</TableCell>
                    <TableCell>
                      <Badge
                        appearance="tint"
                        color={
                          r.state === 'sent' ? 'success' : r.state === 'queued' ? 'informative' : 'danger'
                        }
                      >
                        {t(`delivery.${r.state}` as 'delivery.sent')}
                      </Badge>
                    </TableCell>
                    <TableCell>{r.error ?? '–'}</TableCell>
                    <TableCell>{formatInstant(r.updatedAt, language)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {/* «Lest» exists only on a message with a reading assignment. */}
          {(broadcast.reading || status.value.acknowledgements.length > 0) && (
            <>
              <Text as="h4" weight="semibold" block>
                {t('broadcasts.acknowledged', { count: status.value.acknowledgements.length })}
              </Text>
              <Text block data-testid="broadcast-acks">
                {status.value.acknowledgements.length === 0
                  ? t('common.none')
                  : status.value.acknowledgements
                      .map((a) => `${a.name ?? t('event.unknownPerson')} (${formatInstant(a.at, language)})`)
                      .join(', ')}
              </Text>
            </>
          )}
        </>
      )}
    </section>
  );
}

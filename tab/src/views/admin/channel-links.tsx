import {
  Button,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Api } from '../../api/api-client';
import { ApiError } from '../../api/api-client';
import type { InstallationsResponse, LinksResponse } from '../../api/types';
import { useLoad } from '../../api/use-load';
import { LoadFailed, Loading } from '../../components/load-state';
import { NotAvailable } from '../../components/not-available';
import { useI18n } from '../../i18n/i18n-context';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL, maxWidth: '60rem' },
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '14rem' },
  scroll: { overflowX: 'auto' },
});

/** Which channels are linked to which networks and units, and linking one more. */
export function ChannelLinks({ api }: { api: Api }) {
  const { t } = useI18n();
  const styles = useStyles();
  const targetId = useId('target');
  const channelId = useId('channel');
  const [target, setTarget] = useState('');
  const [channel, setChannel] = useState('');
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string }>();
  const [data, reload] = useLoad(
    () =>
      Promise.all([
        api.get<LinksResponse>('/api/links'),
        api.get<InstallationsResponse>('/api/installations'),
      ]),
    [api],
  );

  if (data.state === 'loading') return <Loading />;
  if (data.state === 'failed') {
    if (data.error instanceof ApiError && data.error.status === 404) {
      return <NotAvailable title={t('admin.links')} text={t('admin.notAvailableApi')} />;
    }
    return <LoadFailed error={data.error} retry={reload} />;
  }
  const [{ options, links }, { installations }] = data.value;
  const names = new Map(installations.map((i) => [i.conversationId, i.name]));
  const titles = new Map(options.map((o) => [o.key, o.title]));
  const active = installations.filter((i) => i.status === 'active');
  const link = async () => {
    try {
      await api.post('/api/links', { target, conversationId: channel });
      setMessage({ intent: 'success', text: t('admin.linked') });
      reload();
    } catch (error) {
      setMessage({ intent: 'error', text: (error as Error).message });
    }
  };

  return (
    <section className={styles.section} aria-labelledby="lenker-tittel">
      <Text as="h3" id="lenker-tittel" size={400} weight="semibold" block>
        {t('admin.links')}
      </Text>
      <Text block>{t('admin.linksText')}</Text>
      {links.length === 0 ? (
        <Text block>{t('admin.noLinks')}</Text>
      ) : (
        <div className={styles.scroll}>
          <Table aria-labelledby="lenker-tittel" data-testid="links-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('admin.target')}</TableHeaderCell>
                <TableHeaderCell>{t('admin.conversation')}</TableHeaderCell>
                <TableHeaderCell>{t('admin.linkedBy')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {links.map((l) => (
                <TableRow key={`${l.target} ${l.conversationId}`}>
                  <TableCell>{titles.get(l.target) ?? l.target}</TableCell>
                  <TableCell>{names.get(l.conversationId) ?? l.conversationId}</TableCell>
                  <TableCell>{l.linkedByName ?? t('event.unknownPerson')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {active.length === 0 ? (
        <Text block>{t('admin.noInstallations')}</Text>
      ) : (
        <div className={styles.form}>
          <div className={styles.field}>
            <label htmlFor={targetId}>{t('admin.target')}</label>
            <Select id={targetId} value={target} onChange={(_, d) => setTarget(d.value)}>
              <option value="">–</option>
              {options.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.title}
                </option>
              ))}
            </Select>
          </div>
          <div className={styles.field}>
            <label htmlFor={channelId}>{t('admin.conversation')}</label>
            <Select id={channelId} value={channel} onChange={(_, d) => setChannel(d.value)}>
              <option value="">–</option>
              {active.map((i) => (
                <option key={i.conversationId} value={i.conversationId}>
                  {i.name}
                </option>
              ))}
            </Select>
          </div>
          <Button appearance="primary" disabled={!target || !channel} onClick={() => void link()}>
            {t('admin.link')}
          </Button>
        </div>
      )}
      {message && (
        <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

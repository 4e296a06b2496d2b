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
import { useRef, useState } from 'react';
import type { Api } from '../../api/api-client';
import { ApiError } from '../../api/api-client';
import type { InstallationsResponse, PlanFile } from '../../api/types';
import type { Broadcast } from '../../api/view-types';
import { useLoad } from '../../api/use-load';
import { LoadFailed, Loading } from '../../components/load-state';
import { useFocusWhenShown } from '../../components/focus-when-shown';
import { formatInstant } from '../../dates/instant';
import { useI18n } from '../../i18n/i18n-context';
import { useNarrow } from '../../theme/use-narrow';
import { BroadcastDetails } from './broadcast-details';
import { BroadcastForm } from './broadcast-form';
import { audienceLabel, recipientCount } from './recipient-labels';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXL },
  scroll: { overflowX: 'auto' },
  bar: { margin: `${tokens.spacingVerticalM} 0` },
  cards: { listStyleType: 'none', padding: 0, margin: 0 },
  card: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

const STATUS_COLOUR = {
  draft: 'informative',
  scheduled: 'warning',
  sent: 'success',
  cancelled: 'subtle',
} as const;

/**
 * Broadcasts from the kommunalsjef and coordinators: drafts, scheduled and sent messages; write
 * one, preview it in your own chat, send now or later, cancel, and follow each recipient and who
 * has read it. The API decides who may send where.
 */
export default function BroadcastsView({ api, plan }: { api: Api; plan: PlanFile }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const narrow = useNarrow();
  const [list, reload] = useLoad(() => api.get<{ broadcasts: Broadcast[] }>('/api/broadcasts'), [api]);
  // For naming a draft's channel audiences; anyone without access simply gets none.
  const [installations] = useLoad(() => api.get<InstallationsResponse>('/api/installations'), [api]);
  const channels = installations.state === 'ready' ? installations.value.installations : [];
  /** A sent message: how many conversations it reached; a draft: whom it is for. */
  const reach = (b: Broadcast) =>
    b.status !== 'draft' && b.recipients !== undefined
      ? [
          recipientCount(b.recipients, t),
          ...(b.unreached?.length ? [t('broadcasts.unreachedCount', { count: b.unreached.length })] : []),
        ].join(', ')
      : b.audiences.map((key) => audienceLabel(key, plan, channels, t)).join(', ');
  const [selected, setSelected] = useState<string | 'new'>();
  const [notice, setNotice] = useState<string>();
  // Sent, the form and its «Send nå» give way to the message's details: the answer takes the keyboard.
  const noticeFocus = useFocusWhenShown<HTMLDivElement>();
  // A new message stays the same form once saved as a draft (on «Lagre utkast» or on the way to
  // «Send nå»): remounting it as the draft's form would drop keyboard focus to the page's start.
  const [fresh, setFresh] = useState<{ n: number; id?: string }>({ n: 0 });
  // Keep showing the list (and the open form) while it reloads after an action.
  const latest = useRef<Broadcast[]>(undefined);
  if (list.state === 'ready') latest.current = list.value.broadcasts;

  const heading = (
    <Text as="h2" id="meldinger-tittel" size={500} weight="semibold" block>
      {t('broadcasts.heading')}
    </Text>
  );
  if (list.state === 'loading' && !latest.current) return <Loading />;
  if (list.state === 'failed')
    return (
      <section aria-labelledby="meldinger-tittel">
        {heading}
        {list.error instanceof ApiError && list.error.status === 403 ? (
          <Text block>{list.error.message}</Text>
        ) : (
          <LoadFailed error={list.error} retry={reload} />
        )}
      </section>
    );
  const broadcasts = [...(latest.current ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const chosen = broadcasts.find((b) => b.id === selected);
  const saved = (b: Broadcast, text: string, sent = false) => {
    if (selected === 'new') setFresh((f) => ({ ...f, id: b.id }));
    if (sent) noticeFocus.arm();
    setNotice(text);
    setSelected(b.id);
    reload();
  };
  const select = (id: string | undefined) => {
    setNotice(undefined);
    setSelected(id);
  };
  const open = (b: Broadcast) => (
    <Button
      size="small"
      onClick={() => select(b.id)}
      aria-label={`${t(b.status === 'draft' ? 'broadcasts.edit' : 'reports.open')}: ${b.title}`}
    >
      {t(b.status === 'draft' ? 'broadcasts.edit' : 'reports.open')}
    </Button>
  );

  return (
    <section aria-labelledby="meldinger-tittel">
      {heading}
      <div className={styles.bar}>
        <Button
          appearance="primary"
          onClick={() => {
            setFresh((f) => ({ n: f.n + 1 }));
            select('new');
          }}
        >
          {t('broadcasts.new')}
        </Button>
      </div>
      {notice && (
        <MessageBar intent="success" role="status" ref={noticeFocus.target} tabIndex={-1}>
          <MessageBarBody data-testid="broadcast-notice">{notice}</MessageBarBody>
        </MessageBar>
      )}
      {(selected === 'new' || (selected === fresh.id && !chosen) || chosen?.status === 'draft') && (
        <BroadcastForm
          key={selected === 'new' || selected === fresh.id ? `new-${fresh.n}` : chosen!.id}
          api={api}
          plan={plan}
          {...(chosen?.status === 'draft' ? { draft: chosen } : {})}
          onSaved={saved}
          onCancel={() => select(undefined)}
        />
      )}
      {chosen && chosen.status !== 'draft' && (
        <BroadcastDetails key={chosen.id} api={api} broadcast={chosen} onChanged={reload} />
      )}
      <section className={styles.section} aria-labelledby="meldingsliste-tittel">
        <Text as="h3" id="meldingsliste-tittel" size={400} weight="semibold" block>
          {t('broadcasts.list')}
        </Text>
        {broadcasts.length === 0 ? (
          <Text block>{t('broadcasts.none')}</Text>
        ) : narrow ? (
          // At phone width a five-column table clips its words: one short block per message.
          <ul className={styles.cards} aria-labelledby="meldingsliste-tittel" data-testid="broadcast-list">
            {broadcasts.map((b) => (
              <li key={b.id} className={styles.card} data-broadcast-id={b.id}>
                <Text weight="semibold">{b.title}</Text>
                <Badge appearance="tint" color={STATUS_COLOUR[b.status]}>
                  {t(`broadcasts.status.${b.status}`)}
                </Badge>
                <Text size={200}>
                  {formatInstant(b.sendAt ?? b.createdAt, language)} · {reach(b)}
                </Text>
                {open(b)}
              </li>
            ))}
          </ul>
        ) : (
          <div className={styles.scroll}>
            <Table aria-labelledby="meldingsliste-tittel" data-testid="broadcast-list">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('broadcasts.title')}</TableHeaderCell>
                  <TableHeaderCell>{t('reports.status')}</TableHeaderCell>
                  <TableHeaderCell>{t('broadcasts.when')}</TableHeaderCell>
                  <TableHeaderCell>{t('broadcasts.audiences')}</TableHeaderCell>
                  <TableHeaderCell>{t('broadcasts.actions')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {broadcasts.map((b) => (
                  <TableRow key={b.id} data-broadcast-id={b.id}>
                    <TableCell>{b.title}</TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={STATUS_COLOUR[b.status]}>
                        {t(`broadcasts.status.${b.status}`)}
                      </Badge>
                    </TableCell>
                    <TableCell>{formatInstant(b.sendAt ?? b.createdAt, language)}</TableCell>
                    <TableCell>{reach(b)}</TableCell>
                    <TableCell>{open(b)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
    </section>
  );
}

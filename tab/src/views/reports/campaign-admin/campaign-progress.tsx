import {
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../../api/api-client';
import type { CampaignProgress, RemindAnswer } from '../../../api/view-types';
import { dateFormats } from '../../../dates/format';
import { instantInWords, unitCount } from './words';
import { todayInOslo } from '../../../dates/today';
import { useI18n } from '../../../i18n/i18n-context';
import { campaignTitle } from '../campaign-title';
import { reportState } from '../report-state';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useFocusWhenShown } from '../../../components/focus-when-shown';
import { DateField } from './date-field';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '48rem',
    padding: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalXL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  move: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  unit: {
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** How often the progress is fetched again, and for how long before it waits for a press. */
const POLL_MS = 5_000;
const POLLS = 120;

type Pending = 'remind' | 'close' | undefined;

/** Each unit's report as far as the figures go: a save anywhere (the card, the form) changes it. */
const reportsKey = (p: CampaignProgress) =>
  p.units.map((u) => `${u.unitId}:${u.status}:${u.version}`).join('|');

/**
 * A sent campaign, live: how many units have submitted, each unit's status and request cards in
 * the delivery engine, and who cannot be reached and why (polled every 5 s for 10 minutes, then
 * on «Oppdater nå»). The kommunalsjef can send a reminder now, move the deadline and close it.
 */
export function CampaignProgressPanel({
  api,
  campaignId,
  onChanged,
  saved = 0,
}: {
  api: Api;
  campaignId: string;
  /**
   * After a change, here or in a report (a poll found one), so the rest of the view (dates,
   * response rate, the units' table) follows: it is read once, and only this panel polls.
   */
  onChanged: () => void;
  /** Counts the saves of the page's own report form: each one is fetched at once, not at the next poll. */
  saved?: number;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const formats = dateFormats(language);
  const [progress, setProgress] = useState<CampaignProgress>();
  const [updatedAt, setUpdatedAt] = useState<string>();
  const [loadError, setLoadError] = useState<string>();
  const [polls, setPolls] = useState(0);
  const [pending, setPending] = useState<Pending>();
  const [moving, setMoving] = useState(false);
  const [deadline, setDeadline] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string }>();
  // «Avslutt» is gone once the request is closed: the answer takes the keyboard instead.
  const noticeFocus = useFocusWhenShown<HTMLDivElement>();
  const path = `/api/reports/campaigns/${encodeURIComponent(campaignId)}`;
  const alive = useRef(true);
  // The reports the figures were last read with; undefined until the first read of this campaign.
  const seen = useRef<string | undefined>(undefined);
  const changed = useRef(onChanged);
  changed.current = onChanged;
  // Its dialogs open from state, not a DialogTrigger: focus goes back to the button pressed.
  const restoreFocus = useRestoreFocusTarget();
  // The new deadline's fields go away when it is saved; focus goes back to «Flytt frist».
  const moveButton = useRef<HTMLButtonElement>(null);
  const [moved, setMoved] = useState(false);
  useEffect(() => {
    if (moved && !busy) {
      moveButton.current?.focus();
      setMoved(false);
    }
  }, [moved, busy]);

  const load = useCallback(async () => {
    try {
      const value = await api.get<CampaignProgress>(path);
      if (!alive.current) return;
      const key = reportsKey(value);
      if (seen.current !== undefined && seen.current !== key) changed.current();
      seen.current = key;
      setProgress(value);
      setLoadError(undefined);
      setUpdatedAt(new Date().toISOString());
    } catch (e) {
      if (alive.current) setLoadError((e as Error).message);
    }
  }, [api, path]);

  useEffect(() => {
    alive.current = true;
    seen.current = undefined;
    setProgress(undefined);
    setPolls(0);
    setNotice(undefined);
    setMoving(false);
    void load();
    return () => {
      alive.current = false;
    };
  }, [load]);

  // A save in this page's form: its figures now, and the poll starts over.
  const savedBefore = useRef(saved);
  useEffect(() => {
    if (saved === savedBefore.current) return;
    savedBefore.current = saved;
    setPolls(0);
    void load();
  }, [saved, load]);

  // Bounded polling: every POLL_MS while the panel is shown, POLLS times, then on a press.
  const settled = progress?.closed === true && progress.totals.cards.queued === 0;
  useEffect(() => {
    if (polls >= POLLS || settled || !progress) return;
    const timer = setTimeout(() => {
      void load().then(() => setPolls((n) => n + 1));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [polls, settled, progress, load]);

  const act = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      const text = await action();
      setNotice({ intent: 'success', text });
      await load();
      setPolls(0);
      onChanged();
    } catch (e) {
      setNotice({ intent: 'error', text: t('campaignAdmin.failed', { message: (e as Error).message }) });
    } finally {
      setBusy(false);
      setPending(undefined);
    }
  };

  if (!progress)
    return loadError ? (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{t('campaignAdmin.failed', { message: loadError })}</MessageBarBody>
      </MessageBar>
    ) : null;

  const { campaign, totals } = progress;
  const name = campaignTitle(campaign, t);
  const closedByAdmin = campaign.closedAt !== undefined;
  const missing = totals.units - totals.sendt;
  // Of those with nothing saved, the units no request reached: «ikke spurt», not «ikke påbegynt».
  const notAsked = progress.units.filter((u) => reportState(u) === 'ikke-spurt').length;
  // The units the request reached first: those are the ones a reminder or a call can move.
  const reached = progress.units.filter((u) => !u.unreached);
  const unreached = progress.units.filter((u) => u.unreached);
  const unreachedMissing = unreached.filter((u) => u.status !== 'sendt').length;
  const when = (iso: string) => instantInWords(iso, language);
  const units = (n: number) => unitCount(n, t);

  const remind = () =>
    act(async () => {
      const r = await api.post<RemindAnswer>(`${path}/reminders`, {});
      const parts = [
        r.reminded > 0 || (r.already === 0 && r.unreachable === 0)
          ? t('campaignAdmin.reminded', { units: units(r.reminded) })
          : '',
        r.already > 0 ? t('campaignAdmin.remindedAlready', { units: units(r.already) }) : '',
        r.unreachable > 0 ? t('campaignAdmin.remindedUnreachable', { units: units(r.unreachable) }) : '',
      ];
      return parts.filter(Boolean).join(' ');
    });
  const move = () =>
    act(async () => {
      const r = await api.put<{ deadline: string; changed: boolean }>(`${path}/deadline`, { deadline });
      setMoving(false);
      setMoved(true);
      return t(r.changed ? 'campaignAdmin.moved' : 'campaignAdmin.unchanged', {
        deadline: formats.long(r.deadline),
      });
    });
  const close = () => {
    noticeFocus.arm();
    return act(async () => {
      await api.post(`${path}/close`, {});
      return t('campaignAdmin.closed');
    });
  };

  return (
    <section className={styles.panel} aria-labelledby="innhenting-fremdrift" data-testid="campaign-progress">
      <Text as="h3" id="innhenting-fremdrift" size={400} weight="semibold" block>
        {t('campaignAdmin.progressHeading')}: {name}
      </Text>
      <Text block data-testid="progress-deadline">
        {t('campaignAdmin.deadlineNow', { deadline: formats.long(campaign.deadline) })}
      </Text>
      {closedByAdmin && (
        <Text block weight="semibold" data-testid="progress-closed">
          {t('campaignAdmin.closedAt', { when: when(campaign.closedAt!), name: campaign.closedBy ?? '' })}
        </Text>
      )}
      <Text block size={500} weight="semibold" data-testid="progress-submitted">
        {t('campaignAdmin.progressSubmitted', { sendt: totals.sendt, units: totals.units })}
      </Text>
      <Text block>
        {notAsked === 0
          ? t('campaignAdmin.progressDrafts', { utkast: totals.utkast, mangler: totals.mangler })
          : t('campaignAdmin.progressDraftsNotAsked', {
              utkast: totals.utkast,
              mangler: totals.mangler - notAsked,
              ikkeSpurt: notAsked,
            })}
      </Text>
      <Text block data-testid="progress-cards">
        {t('campaignAdmin.progressCards', totals.cards)}
      </Text>
      {campaign.lastReminder && (
        <Text block className={styles.muted}>
          {t('campaignAdmin.lastReminder', {
            when: when(campaign.lastReminder.at),
            name: campaign.lastReminder.byName,
            units: units(campaign.lastReminder.units),
          })}
        </Text>
      )}
      {notice && (
        <MessageBar
          intent={notice.intent}
          role={notice.intent === 'error' ? 'alert' : 'status'}
          ref={noticeFocus.target}
          tabIndex={-1}
        >
          <MessageBarBody data-testid="progress-notice">{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          disabled={busy}
          onClick={() => {
            setPolls(0);
            void load();
          }}
        >
          {t('campaignAdmin.refresh')}
        </Button>
        {!closedByAdmin && (
          <>
            <Button disabled={busy || missing === 0} onClick={() => setPending('remind')} {...restoreFocus}>
              {t('campaignAdmin.remind')}
            </Button>
            <Button
              ref={moveButton}
              disabled={busy}
              aria-expanded={moving}
              onClick={() => {
                setDeadline(campaign.deadline);
                setMoving((m) => !m);
              }}
            >
              {t('campaignAdmin.move')}
            </Button>
            <Button disabled={busy} onClick={() => setPending('close')} {...restoreFocus}>
              {t('campaignAdmin.close')}
            </Button>
          </>
        )}
      </div>
      {moving && !closedByAdmin && (
        <div className={styles.move}>
          <DateField
            label={t('campaignAdmin.newDeadline')}
            value={deadline}
            min={todayInOslo()}
            onChange={setDeadline}
            testId="move-deadline"
          />
          <Button appearance="primary" disabled={busy || deadline === ''} onClick={move}>
            {t('campaignAdmin.saveDeadline')}
          </Button>
        </div>
      )}
      <Text block size={200} className={styles.muted} aria-live="off">
        {updatedAt &&
          t(polls >= POLLS ? 'campaignAdmin.pollStopped' : 'campaignAdmin.updatedAt', {
            time: when(updatedAt),
          })}
      </Text>
      <ul className={styles.list} data-testid="progress-units">
        {reached.map((u) => (
          <li key={u.unitId} className={styles.unit}>
            <Text block weight="semibold">
              {u.name}
            </Text>
            <Text block size={200}>
              {t(`campaignAdmin.status.${reportState(u)}`)}
              {u.late ? ` (${t('campaignAdmin.late')})` : ''}
              {u.submittedAt ? ` · ${when(u.submittedAt)}` : ''}
              {` · ${t('campaignAdmin.cardsOf', u.cards)}`}
            </Text>
          </li>
        ))}
      </ul>
      {unreached.length > 0 && (
        <>
          <Text as="h4" weight="semibold" block>
            {t('campaignAdmin.unreachedHeading', { count: unreached.length })}
          </Text>
          <ul className={styles.list} data-testid="progress-unreached">
            {unreached.map((u) => (
              <li key={u.unitId} className={styles.unit}>
                <Text block weight="semibold">
                  {u.name}
                </Text>
                <Text block size={200}>
                  {t(`campaignAdmin.status.${reportState(u)}`)}
                  {u.submittedAt ? ` · ${when(u.submittedAt)}` : ''}
                </Text>
                <Text block size={200} className={styles.muted}>
                  {u.unreached}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
      {pending === 'remind' && (
        <ConfirmDialog
          title={t('campaignAdmin.confirmRemindTitle')}
          confirm={t('campaignAdmin.confirmRemind')}
          busy={busy}
          onConfirm={remind}
          onClose={() => setPending(undefined)}
          cancel={t('campaignAdmin.cancel')}
        >
          <Text block>{t('campaignAdmin.confirmRemindText', { units: units(missing) })}</Text>
          {/* The question does not promise reminders to units Planpuls cannot reach. */}
          {unreachedMissing > 0 && (
            <Text block>
              {t('campaignAdmin.confirmRemindUnreachable', { units: units(unreachedMissing) })}
            </Text>
          )}
        </ConfirmDialog>
      )}
      {pending === 'close' && (
        <ConfirmDialog
          title={t('campaignAdmin.confirmCloseTitle', { title: name })}
          confirm={t('campaignAdmin.confirmClose')}
          busy={busy}
          onConfirm={close}
          onClose={() => setPending(undefined)}
          cancel={t('campaignAdmin.cancel')}
        >
          <Text block>{t('campaignAdmin.confirmCloseText', { units: units(missing) })}</Text>
        </ConfirmDialog>
      )}
    </section>
  );
}

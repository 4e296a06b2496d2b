import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Api } from '../../../api/api-client';
import type { CampaignPreview, OpenedCampaign } from '../../../api/view-types';
import { dateFormats } from '../../../dates/format';
import { todayInOslo } from '../../../dates/today';
import { useI18n } from '../../../i18n/i18n-context';
import { campaignTitle, periodName } from '../campaign-title';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DateField } from './date-field';
import { periodsFrom, slugOf } from './slug';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '48rem',
    padding: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalXL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  question: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalS,
  },
  questionText: { flexGrow: 1, minWidth: '14rem' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  item: { marginBottom: tokens.spacingVerticalXS },
});

type Kind = 'halvår' | 'forespørsel';
interface Question {
  text: string;
  required: boolean;
}

/**
 * «Ny innhenting»: a half-year report or another request with questions and a deadline; then a
 * preview of which units get it, who and where (personal chat, the unit's channel), and which
 * cannot be reached and why; then Send, after a confirmation. The server decides all of it (the
 * preview runs the send's own recipient rule); this only asks and shows.
 */
export function NewCampaign({
  api,
  existing,
  onSent,
  onCancel,
}: {
  api: Api;
  /** Ids of the campaigns there are: a half year already opened is not offered again. */
  existing: readonly string[];
  /** `later`: the server's words for a request saved to go out on a later day. */
  onSent: (id: string, reached: number, total: number, later?: string) => void;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const formats = dateFormats(language);
  const today = todayInOslo();
  const periods = periodsFrom(today).filter((p) => !existing.includes(p));
  const [kind, setKind] = useState<Kind>(periods.length > 0 ? 'halvår' : 'forespørsel');
  const [period, setPeriod] = useState(periods[0] ?? '');
  const [title, setTitle] = useState('');
  const [deadline, setDeadline] = useState('');
  const [questions, setQuestions] = useState<Question[]>([{ text: '', required: true }]);
  const [preview, setPreview] = useState<CampaignPreview>();
  // The form on «Ny innhenting», then the preview, then the form again on «Tilbake»: each time the
  // buttons that led there are gone, so its heading takes the keyboard and is read out.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const showing = preview ? 'preview' : 'form';
  useEffect(() => headingRef.current?.focus(), [showing]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // The confirmation opens from state, not a DialogTrigger: cancelled, focus goes back to «Send».
  const restoreFocus = useRestoreFocusTarget();

  const body = () =>
    kind === 'halvår'
      ? { id: period, ...(deadline ? { deadline } : {}) }
      : {
          id: slugOf(title),
          title: title.trim(),
          deadline,
          questions: questions.filter((q) => q.text.trim() !== ''),
        };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(t('campaignAdmin.failed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const showPreview = () =>
    run(async () => setPreview(await api.post<CampaignPreview>('/api/reports/campaigns/preview', body())));

  const send = () =>
    run(async () => {
      const opened = await api.post<OpenedCampaign>('/api/reports/campaigns', body());
      setConfirming(false);
      onSent(
        opened.campaign.id,
        opened.reached,
        opened.total,
        opened.scheduledFor ? opened.message : undefined,
      );
    });

  const errorBar = error && (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{error}</MessageBarBody>
    </MessageBar>
  );

  if (preview) {
    const name = campaignTitle(preview.campaign, t);
    const reached = preview.units.filter((u) => !u.unreached);
    const unreached = preview.units.filter((u) => u.unreached);
    const where = (u: CampaignPreview['units'][number]) =>
      u.leaders.length === 0
        ? t('campaignAdmin.noLeaderChannel')
        : u.leaders.map((l) => `${l.name} (${t(`campaignAdmin.where.${l.where}`)})`).join(', ');
    return (
      <section
        className={styles.panel}
        aria-labelledby="innhenting-forhandsvisning"
        data-testid="campaign-preview"
      >
        <Text
          as="h3"
          id="innhenting-forhandsvisning"
          ref={headingRef}
          tabIndex={-1}
          size={400}
          weight="semibold"
          block
        >
          {t('campaignAdmin.previewHeading', { title: name })}
        </Text>
        <Text block>
          {t('campaignAdmin.previewDates', {
            opens: formats.long(preview.campaign.opens),
            deadline: formats.long(preview.campaign.deadline),
          })}
        </Text>
        <Text block weight="semibold" data-testid="preview-reached">
          {t('campaignAdmin.previewReached', { reached: preview.reached, total: preview.total })}
        </Text>
        <Text as="h4" weight="semibold" block>
          {t('campaignAdmin.reachedHeading', { count: reached.length })}
        </Text>
        <ul className={styles.list} data-testid="preview-units">
          {reached.map((u) => (
            <li key={u.unitId} className={styles.item}>
              <strong>{u.name}</strong>: {where(u)}
            </li>
          ))}
        </ul>
        {unreached.length > 0 && (
          <>
            <Text as="h4" weight="semibold" block>
              {t('campaignAdmin.unreachedHeading', { count: unreached.length })}
            </Text>
            <ul className={styles.list} data-testid="preview-unreached">
              {unreached.map((u) => (
                <li key={u.unitId} className={styles.item}>
                  <strong>{u.name}</strong>: {u.unreached}
                </li>
              ))}
            </ul>
          </>
        )}
        {errorBar}
        {preview.reached === 0 && (
          <Text block weight="semibold" id="innhenting-ingen-nas" data-testid="preview-none-reached">
            {t('campaignAdmin.noneReached')}
          </Text>
        )}
        <div className={styles.actions}>
          <Button
            appearance="primary"
            // Disabled, but still reached with Tab and told why: nobody can get it yet.
            disabledFocusable={busy || preview.reached === 0}
            aria-describedby={preview.reached === 0 ? 'innhenting-ingen-nas' : undefined}
            onClick={() => setConfirming(true)}
            {...restoreFocus}
          >
            {t('campaignAdmin.send')}
          </Button>
          <Button disabled={busy} onClick={() => setPreview(undefined)}>
            {t('campaignAdmin.back')}
          </Button>
        </div>
        {confirming && (
          <ConfirmDialog
            title={t('campaignAdmin.confirmSendTitle', { title: name })}
            confirm={t('campaignAdmin.confirmSend')}
            busy={busy}
            onConfirm={send}
            onClose={() => setConfirming(false)}
            cancel={t('campaignAdmin.cancel')}
          >
            <Text block>
              {t('campaignAdmin.confirmSendText', {
                reached: preview.reached,
                total: preview.total,
                deadline: formats.long(preview.campaign.deadline),
              })}
            </Text>
          </ConfirmDialog>
        )}
      </section>
    );
  }

  const setQuestion = (i: number, change: Partial<Question>) =>
    setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...change } : q)));
  const ready =
    kind === 'halvår'
      ? period !== ''
      : title.trim() !== '' && deadline !== '' && questions.some((q) => q.text.trim() !== '');
  return (
    <section className={styles.panel} aria-labelledby="ny-innhenting" data-testid="new-campaign">
      <Text as="h3" id="ny-innhenting" ref={headingRef} tabIndex={-1} size={400} weight="semibold" block>
        {t('campaignAdmin.newHeading')}
      </Text>
      <Field label={t('campaignAdmin.kind')}>
        <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as Kind)}>
          <Radio value="halvår" label={t('campaignAdmin.kind.halvår')} disabled={periods.length === 0} />
          <Radio value="forespørsel" label={t('campaignAdmin.kind.forespørsel')} />
        </RadioGroup>
      </Field>
      {kind === 'halvår' ? (
        <Field label={t('campaignAdmin.period')}>
          <Select value={period} onChange={(_, d) => setPeriod(d.value)}>
            {periods.map((p) => (
              <option key={p} value={p}>
                {t('reports.halfYear', { period: periodName(p, t) })}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <>
          <Field label={t('campaignAdmin.title')} hint={t('campaignAdmin.titleHint')} required>
            <Input value={title} maxLength={200} onChange={(_, d) => setTitle(d.value)} />
          </Field>
          <Text as="h4" weight="semibold" block>
            {t('campaignAdmin.questions')}
          </Text>
          {questions.map((q, i) => (
            <div key={i} className={styles.question}>
              <Field label={t('campaignAdmin.question', { n: i + 1 })} className={styles.questionText}>
                <Input
                  value={q.text}
                  maxLength={300}
                  onChange={(_, d) => setQuestion(i, { text: d.value })}
                />
              </Field>
              <Checkbox
                checked={q.required}
                label={t('campaignAdmin.required')}
                onChange={(_, d) => setQuestion(i, { required: d.checked === true })}
              />
              {questions.length > 1 && (
                <Button
                  appearance="subtle"
                  aria-label={t('campaignAdmin.removeQuestion', { n: i + 1 })}
                  onClick={() => setQuestions((qs) => qs.filter((_, j) => j !== i))}
                >
                  ✕
                </Button>
              )}
            </div>
          ))}
          {questions.length < 20 && (
            <div>
              <Button onClick={() => setQuestions((qs) => [...qs, { text: '', required: true }])}>
                {t('campaignAdmin.addQuestion')}
              </Button>
            </div>
          )}
        </>
      )}
      <DateField
        label={t(kind === 'halvår' ? 'campaignAdmin.deadlineHalfYear' : 'campaignAdmin.deadline')}
        value={deadline}
        min={today}
        required={kind === 'forespørsel'}
        onChange={setDeadline}
        testId="new-deadline"
      />
      {errorBar}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !ready} onClick={showPreview}>
          {t('campaignAdmin.preview')}
        </Button>
        <Button disabled={busy} onClick={onCancel}>
          {t('campaignAdmin.cancel')}
        </Button>
      </div>
    </section>
  );
}

import {
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { Fragment, useEffect, useRef, useState } from 'react';
import type { Api } from '../../api/api-client';
import { ApiError } from '../../api/api-client';
import type { MyRequest, ReportForm } from '../../api/view-types';
import { useLoad } from '../../api/use-load';
import { LoadFailed, Loading } from '../../components/load-state';
import { dateFormats } from '../../dates/format';
import { useI18n } from '../../i18n/i18n-context';
import { ActionRowFields, emptyAction, type ActionDraft } from '../units/action-row-fields';
import type { PlanFile } from '../../api/types';
import { clearDraft, draftKey, readDraft, writeDraft, type StoredDraft } from '../../drafts/session-draft';
import { UnsavedNote } from '../../drafts/unsaved-note';
import { campaignTitle } from './campaign-title';

const ANSWERS = ['ja', 'delvis', 'nei'] as const;
type TextKey = 'kartlegging' | 'analyse' | 'mal' | 'tidsressurser' | 'fritekst';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '60rem',
    marginTop: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  subtle: { color: tokens.colorNeutralForeground2 },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sign: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  problems: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
});

interface Draft {
  kartlegging: string;
  analyse: string;
  mal: string;
  tidsressurser: string;
  fritekst: string;
  actions: ActionDraft[];
  signs: Record<string, { answer: string; comment: string }>;
  answers: Record<string, string>;
}

const draftOf = (form: ReportForm): Draft => ({
  kartlegging: form.content.kartlegging,
  analyse: form.content.analyse,
  mal: form.content.mal,
  tidsressurser: form.content.tidsressurser,
  fritekst: form.content.fritekst,
  actions: form.content.actions.map((a) => ({
    id: a.id,
    text: a.text,
    deadline: a.deadline,
    status: a.status || 'ikke-startet',
    responsible: a.responsible ?? '',
    serves: a.serves ?? '',
  })),
  signs: Object.fromEntries(
    form.signs
      .flatMap((g) => g.signs)
      .map((s) => [s.id, { answer: '', comment: '', ...form.content.signs[s.id] }]),
  ),
  answers: Object.fromEntries(form.questions.map((q) => [q.id, form.content.answers[q.id] ?? ''])),
});

/** What the session keeps of an unsaved form: her text, and the local plan's version it was based on. */
type Kept = { draft: Draft; planVersion: number };

/**
 * A refusal's problem, with the field it is about (the key `invalid` gives its id) when it names
 * one; or a picture's unanswered signs together (`keys`, `picture`), one line instead of many.
 */
type Listed = { message: string; key?: string; keys?: string[]; picture?: string };

/** The unanswered signs of a picture in one line: the form says each under its sign anyway. */
function groupSigns(listed: Listed[], pictureOf: ReadonlyMap<string, string>): Listed[] {
  const out: Listed[] = [];
  const byPicture = new Map<string, Listed & { keys: string[] }>();
  for (const item of listed) {
    const sign = item.key ? /^signs\.(.+)\.answer$/.exec(item.key)?.[1] : undefined;
    const picture = sign ? pictureOf.get(sign) : undefined;
    if (!picture) {
      out.push(item);
      continue;
    }
    const group = byPicture.get(picture);
    if (group) group.keys.push(item.key!);
    else {
      const entry = { ...item, picture, keys: [item.key!] };
      byPicture.set(picture, entry);
      out.push(entry);
    }
  }
  // A picture with one unanswered sign keeps the sign's own words.
  return out.map((item) => (item.keys?.length === 1 ? { message: item.message, key: item.key! } : item));
}
type Notice = { intent: 'success' | 'error'; text: string; problems?: Listed[]; stale?: boolean };
type Problem = { field?: string; message?: string };

/**
 * A unit's report form, as the card's: the local plan's elements and actions (half-year reports),
 * the signs answered ja / delvis / nei with a comment, the free texts; or a request's questions.
 * The server checks everything again (the card's own use case); a refusal names each field under
 * it, a stale save names who saved when and offers the latest version. Unsaved text is kept in the
 * session (leaving the view loses nothing) with the version it was based on, so a save after
 * someone else's is refused as stale rather than overwriting theirs.
 */
export function ReportFormView({
  api,
  plan,
  campaignId,
  unitId,
  userId,
  onSaved,
  onClose,
  takeFocus = false,
}: {
  api: Api;
  /** Who is signed in: her unsaved text is kept for her alone. */
  userId: string;
  /** The plan, for the goals and themes an action can serve. */
  plan: PlanFile | undefined;
  campaignId: string;
  unitId: string;
  onSaved: (status: MyRequest['status']) => void;
  onClose?: (() => void) | undefined;
  /** Opened by a press (not at once on load): its title takes focus, so reading starts there. */
  takeFocus?: boolean;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const formId = useId('rapport');
  const dates = dateFormats(language);
  const path = `/api/reports/${encodeURIComponent(campaignId)}/units/${encodeURIComponent(unitId)}/form`;
  const [loaded, reload] = useLoad(() => api.get<ReportForm>(path), [api, path]);
  const [form, setForm] = useState<ReportForm>();
  const [draft, setDraft] = useState<Draft>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>();
  const [saving, setSaving] = useState(false);
  // The action row just added: its text takes the keyboard's focus.
  const [added, setAdded] = useState<number>();
  const noticeRef = useRef<HTMLDivElement>(null);
  const key = draftKey('report', userId, campaignId, unitId);
  // Her unsaved text, kept from an earlier visit or as she types; undefined when the form is as saved.
  const [kept, setKept] = useState<StoredDraft<Kept>>();
  const [restoredAt, setRestoredAt] = useState<string>();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const ready = form !== undefined;
  useEffect(() => {
    if (ready && takeFocus) titleRef.current?.focus();
  }, [ready, takeFocus]);
  useEffect(() => {
    if (loaded.state !== 'ready') return;
    const stored = readDraft<Kept>(key);
    setForm(loaded.value);
    // A field the form has gained since keeps its saved value; hers win where she typed.
    setDraft(stored ? { ...draftOf(loaded.value), ...stored.value.draft } : draftOf(loaded.value));
    setKept(stored);
    setRestoredAt(stored?.at);
  }, [loaded]);
  // A save's answer is read out and, for a refusal, reached at once from the keyboard.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (loaded.state === 'failed') return <LoadFailed error={loaded.error} retry={reload} />;
  if (!form || !draft) return <Loading />;

  const title = t('reportForm.title', { campaign: campaignTitle(form.campaign, t), unit: form.unit.name });
  const halfYear = form.campaign.kind === 'halvår';
  const submitted = form.report?.status === 'sendt';
  const readOnly = !form.mayEdit;
  // The version her text was based on: the one she opened, or the one of the text brought back.
  const basedOn = kept ? { version: kept.basedOn, planVersion: kept.value.planVersion } : form;
  /** Every change is kept in the session at once, based on the version it started from. */
  const edit = (next: Draft) => {
    setDraft(next);
    setKept(writeDraft<Kept>(key, { draft: next, planVersion: basedOn.planVersion }, basedOn.version));
    // A «saved» message above is not about this new text.
    setNotice((n) => (n?.intent === 'success' ? undefined : n));
  };
  const forget = () => {
    clearDraft(key);
    setKept(undefined);
    setRestoredAt(undefined);
  };
  /** A refusal's words leave a field once she changes it: they were about what it held before. */
  const settle = (keys: string[]) =>
    setErrors((shown) =>
      keys.some((k) => k in shown)
        ? Object.fromEntries(Object.entries(shown).filter(([k]) => !keys.includes(k)))
        : shown,
    );
  const change = (next: Partial<Draft>) => {
    settle(Object.keys(next));
    edit({ ...draft, ...next });
  };
  const changeAction = (i: number, next: Partial<ActionDraft>) => {
    settle(Object.keys(next).map((field) => `actions.${i}.${field}`));
    change({ actions: draft.actions.map((a, j) => (j === i ? { ...a, ...next } : a)) });
  };
  const changeSign = (id: string, next: Partial<Draft['signs'][string]>) => {
    settle(Object.keys(next).map((field) => `signs.${id}.${field}`));
    change({ signs: { ...draft.signs, [id]: { ...draft.signs[id]!, ...next } } });
  };
  const discard = () => {
    forget();
    setErrors({});
    setNotice(undefined);
    setDraft(draftOf(form));
  };
  /** Each field's id, so the refusal's list links to it (`key` as the server names the field). */
  const fieldId = (key: string) => `${formId}-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  /** A field's refusal, under it; and its id. */
  const invalid = (key: string) => ({
    id: fieldId(key),
    ...(errors[key] ? { validationMessage: errors[key], validationState: 'error' as const } : {}),
  });
  /**
   * What of a refusal's list is still to mend: a field's item goes once she changes the field; a
   * picture's signs say how many are left and link to the first of them.
   */
  const stillOpen = (p: Listed): { message: string; key?: string }[] => {
    if (!p.keys) return !p.key || errors[p.key] ? [p] : [];
    const left = p.keys.filter((k) => errors[k]);
    if (left.length === 0) return [];
    return [
      {
        message: t(
          left.length === 1 ? 'reportForm.signsUnanswered.one' : 'reportForm.signsUnanswered.other',
          {
            count: left.length,
            picture: p.picture!,
          },
        ),
        key: left[0]!,
      },
    ];
  };
  /** From the list of problems to the field: its first control takes focus. */
  const goTo = (key: string) => {
    const root = document.getElementById(fieldId(key));
    const control = root?.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select, button');
    (control ?? root)?.focus();
  };

  const save = async (submit: boolean) => {
    setSaving(true);
    setErrors({});
    // The server leaves out rows without text and numbers the others: its `actions.k` is the k-th of those.
    const kept = draft.actions.flatMap((a, i) => (a.text.trim() ? [i] : []));
    try {
      const next = await api.put<ReportForm>(path, {
        action: submit ? 'submit' : 'draft',
        version: basedOn.version,
        planVersion: basedOn.planVersion,
        ...draft,
      });
      forget();
      setForm(next);
      setDraft(draftOf(next));
      onSaved(next.report?.status ?? 'mangler');
      setNotice({
        intent: 'success',
        text: t(submit ? 'reportForm.submitted' : 'reportForm.draftSaved', { version: next.version }),
      });
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setNotice({ intent: 'error', text: (error as Error).message });
        return;
      }
      const problems = Array.isArray(error.details) ? (error.details as Problem[]) : [];
      const byField: Record<string, string> = {};
      const listed: Listed[] = [];
      for (const p of problems) {
        if (!p.message) continue;
        if (!p.field) {
          listed.push({ message: p.message });
          continue;
        }
        const row = /^actions\.(\d+)\.(\w+)$/.exec(p.field);
        const key = row ? `actions.${kept[Number(row[1])] ?? row[1]}.${row[2]}` : p.field;
        byField[key] = byField[key] ? `${byField[key]} ${p.message}` : p.message;
        listed.push({ message: p.message, key });
      }
      setErrors(byField);
      const pictureOf = new Map(form!.signs.flatMap((g) => g.signs.map((s) => [s.id, g.picture] as const)));
      setNotice(
        error.status === 400 && listed.length > 0
          ? { intent: 'error', text: t('reportForm.invalid'), problems: groupSigns(listed, pictureOf) }
          : { intent: 'error', text: error.message, stale: error.status === 409 },
      );
    } finally {
      setSaving(false);
    }
  };

  const textField = (key: TextKey, required: boolean) => (
    <Field label={t(`reportForm.${key}`)} required={required} {...invalid(key)}>
      <Textarea
        value={draft[key]}
        readOnly={readOnly}
        resize="vertical"
        onChange={(_, d) => change({ [key]: d.value })}
      />
    </Field>
  );

  return (
    <form
      className={styles.form}
      aria-labelledby="rapportskjema-tittel"
      data-testid="report-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save(true);
      }}
    >
      <Text as="h4" id="rapportskjema-tittel" ref={titleRef} tabIndex={-1} size={400} weight="semibold" block>
        {title}
      </Text>
      <Text block>{t('reportForm.deadline', { date: dates.long(form.campaign.deadline) })}</Text>
      <Text block className={styles.subtle} data-testid="report-form-status">
        {form.notes.status}
      </Text>
      {notice && (
        <MessageBar
          ref={noticeRef}
          tabIndex={-1}
          intent={notice.intent}
          role={notice.intent === 'error' ? 'alert' : 'status'}
          data-testid="report-form-notice"
        >
          <MessageBarBody>
            {notice.text}
            {notice.problems && (
              <ul className={styles.problems}>
                {notice.problems.flatMap(stillOpen).map((p, i) => (
                  <li key={i}>
                    {p.key && document.getElementById(fieldId(p.key)) ? (
                      <Link
                        href={`#${fieldId(p.key)}`}
                        onClick={(e) => {
                          e.preventDefault();
                          goTo(p.key!);
                        }}
                      >
                        {p.message}
                      </Link>
                    ) : (
                      p.message
                    )}
                  </li>
                ))}
              </ul>
            )}
          </MessageBarBody>
          {notice.stale && (
            <MessageBarActions>
              <Button
                onClick={() => {
                  // She asked for the latest version in place of her text.
                  forget();
                  setNotice(undefined);
                  setErrors({});
                  setForm(undefined);
                  reload();
                }}
              >
                {t('reportForm.reload')}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {/* Text brought back is said at the top, where she looks first on coming back. */}
      <UnsavedNote restoredAt={restoredAt} dirty={false} onDiscard={discard} />
      {readOnly ? (
        <Text block weight="semibold">
          {form.campaign.closedByAdmin ? t('reportForm.closedByAdmin') : t('reportForm.closed')}
        </Text>
      ) : (
        <Text block className={styles.subtle}>
          {/* Once submitted there is no draft to save, only changes to send. */}
          {t(submitted ? 'reportForm.requiredNoteSent' : 'reportForm.requiredNote')}
        </Text>
      )}

      {halfYear && (
        <div className={styles.part} role="group" aria-labelledby="rapport-lokal-plan">
          <Text as="h5" size={300} weight="semibold" block id="rapport-lokal-plan">
            {t('reportForm.localPlan')}
          </Text>
          <Text block size={200} className={styles.subtle}>
            {form.notes.plan}
          </Text>
          {textField('kartlegging', true)}
          {textField('analyse', true)}
          {textField('mal', true)}
          <Text as="h5" size={300} weight="semibold" block id="rapport-handlinger">
            {t('reportForm.actions')}
          </Text>
          <Text block size={200} className={styles.subtle}>
            {t('reportForm.actionsIntro', { max: form.limits.actions })}
          </Text>
          {errors.actions && (
            <Text block role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
              {errors.actions}
            </Text>
          )}
          {draft.actions.length === 0 && <Text block>{t('reportForm.noActions')}</Text>}
          {draft.actions.map((a, i) => (
            <ActionRowFields
              focusText={added === i}
              key={i}
              action={a}
              n={i + 1}
              labels="reportForm"
              plan={plan}
              required
              readOnly={readOnly}
              invalid={(field) => invalid(`actions.${i}.${field}`)}
              testId="report-action-row"
              onChange={(next) => changeAction(i, next)}
              onRemove={() => change({ actions: draft.actions.filter((_, j) => j !== i) })}
            />
          ))}
          {!readOnly && (
            // The refusal «at least one action» links here: to «Legg til handling».
            <div className={styles.buttons} id={fieldId('actions')}>
              <Button
                disabled={draft.actions.length >= form.limits.actions}
                onClick={() => {
                  setAdded(draft.actions.length);
                  change({ actions: [...draft.actions, emptyAction()] });
                }}
              >
                {t('reportForm.addAction')}
              </Button>
            </div>
          )}
        </div>
      )}

      {form.signs.length > 0 && (
        <div className={styles.part} role="group" aria-labelledby="rapport-tegn">
          <Text as="h5" size={300} weight="semibold" block id="rapport-tegn">
            {t('reportForm.signs')}
          </Text>
          <Text block size={200} className={styles.subtle}>
            {t('reportForm.signsIntro')}
          </Text>
          {form.signs.map((group) => (
            <Fragment key={group.picture}>
              <Text as="h6" size={300} weight="semibold" block>
                {group.picture}
              </Text>
              {group.signs.map((sign) => {
                const value = draft.signs[sign.id] ?? { answer: '', comment: '' };
                return (
                  <div key={sign.id} className={styles.sign} role="group" aria-label={sign.text}>
                    <Field label={sign.text} required {...invalid(`signs.${sign.id}.answer`)}>
                      <RadioGroup
                        layout="horizontal"
                        value={value.answer}
                        disabled={readOnly}
                        onChange={(_, d) => changeSign(sign.id, { answer: d.value })}
                      >
                        {ANSWERS.map((answer) => (
                          <Radio key={answer} value={answer} label={t(`reportForm.answer.${answer}`)} />
                        ))}
                      </RadioGroup>
                    </Field>
                    <Field label={t('reportForm.comment')} {...invalid(`signs.${sign.id}.comment`)}>
                      <Textarea
                        value={value.comment}
                        readOnly={readOnly}
                        onChange={(_, d) => changeSign(sign.id, { comment: d.value })}
                      />
                    </Field>
                  </div>
                );
              })}
            </Fragment>
          ))}
        </div>
      )}

      {halfYear && textField('tidsressurser', true)}
      {halfYear && textField('fritekst', false)}
      {form.questions.map((q) => (
        <Field key={q.id} label={q.text} required={q.required} {...invalid(`answers.${q.id}`)}>
          <Textarea
            value={draft.answers[q.id] ?? ''}
            readOnly={readOnly}
            resize="vertical"
            onChange={(_, d) => change({ answers: { ...draft.answers, [q.id]: d.value } })}
          />
        </Field>
      ))}

      <UnsavedNote restoredAt={undefined} dirty={kept !== undefined && !restoredAt} onDiscard={discard} />

      <div className={styles.buttons}>
        {!readOnly && !submitted && (
          <Button disabled={saving} onClick={() => void save(false)}>
            {t('reportForm.saveDraft')}
          </Button>
        )}
        {!readOnly && (
          <Button appearance="primary" type="submit" disabled={saving}>
            {t(submitted ? 'reportForm.submitChanges' : 'reportForm.submit')}
          </Button>
        )}
        {onClose && <Button onClick={onClose}>{t('reportForm.close')}</Button>}
      </div>
    </form>
  );
}

import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Api } from '../../api/api-client';
import { ApiError } from '../../api/api-client';
import type { LocalPlan, LocalPlanView, Me, PlanFile } from '../../api/types';
import { useLoad } from '../../api/use-load';
import { LoadFailed, Loading } from '../../components/load-state';
import { dateFormats } from '../../dates/format';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/i18n';
import { useNarrow } from '../../theme/use-narrow';
import { clearDraft, draftKey, readDraft, writeDraft } from '../../drafts/session-draft';
import { UnsavedNote } from '../../drafts/unsaved-note';
import { ActionRowFields, emptyAction, type ActionDraft } from './action-row-fields';
import { servesLabel } from './serves-select';

/** As the server's limits (bot/domain/reports/local-plan.ts); the server checks them again. */
const MAX_ACTIONS = 10;

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL, maxWidth: '60rem' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  element: { whiteSpace: 'pre-wrap' },
  subtle: { color: tokens.colorNeutralForeground2 },
  scroll: { overflowX: 'auto' },
  cards: { listStyle: 'none', margin: 0, padding: 0 },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
});

/** The editor's text, with the version it was based on (sent with the save: a stale one is refused). */
type Draft = {
  version: number;
  kartlegging: string;
  analyse: string;
  mal: string;
  actions: ActionDraft[];
};

const draftOf = (plan: LocalPlan): Draft => ({
  version: plan.version,
  kartlegging: plan.kartlegging,
  analyse: plan.analyse,
  mal: plan.mal,
  actions: plan.actions.map((a) => ({ ...a, responsible: a.responsible ?? '', serves: a.serves ?? '' })),
});

/** Each unit's local plan (kartlegging, analyse, mål, handlinger): read for all who may, edited by its leaders. */
export function LocalPlans({
  plan,
  api,
  me,
  selected,
  onSelect,
}: {
  plan: PlanFile;
  api: Api;
  me: Me | undefined;
  /** The unit shown, when the view chooses it (a row of the status overview); else her own or the first. */
  selected?: string | undefined;
  onSelect?: (unitId: string) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const selectId = useId('enhet');
  const led = plan.units.find((u) => me?.leads.includes(u.id));
  const [own, setOwn] = useState(led?.id ?? plan.units[0]?.id ?? '');
  const unitId = selected ?? own;
  const setUnitId = (id: string) => (onSelect ? onSelect(id) : setOwn(id));
  return (
    <section className={styles.section} aria-labelledby="lokalplan-tittel">
      {/* Focusable from script: opening a unit in the status overview moves here. */}
      <Text as="h2" id="lokalplan-tittel" size={500} weight="semibold" block tabIndex={-1}>
        {t('localPlan.heading')}
      </Text>
      <Text block className={styles.subtle}>
        {t('localPlan.intro')}
      </Text>
      {plan.units.length > 0 && (
        <div className={styles.stack}>
          <Field label={t('localPlan.unit')}>
            <Select id={selectId} value={unitId} onChange={(_, d) => setUnitId(d.value)}>
              {plan.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </Select>
          </Field>
          <UnitPlan key={unitId} api={api} unitId={unitId} userId={me?.id ?? ''} planFile={plan} />
        </div>
      )}
    </section>
  );
}

/**
 * One unit's plan, and its editor. What she types is kept in the session as she types, so leaving
 * the view (or reloading the tab) brings it back, said as unsaved, until she saves or discards it.
 */
function UnitPlan({
  api,
  unitId,
  userId,
  planFile,
}: {
  api: Api;
  unitId: string;
  userId: string;
  planFile: PlanFile;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const narrow = useNarrow();
  const path = `/api/units/${encodeURIComponent(unitId)}/local-plan`;
  const [data, reload] = useLoad(() => api.get<LocalPlanView>(path), [api, path]);
  const key = draftKey('local-plan', userId, unitId);
  const [stored] = useState(() => readDraft<Draft>(key));
  const [draft, setDraft] = useState<Draft | undefined>(stored?.value);
  const [restoredAt, setRestoredAt] = useState(stored?.at);
  const [dirty, setDirty] = useState(stored !== undefined);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string; stale?: boolean }>();
  const [saving, setSaving] = useState(false);
  // The action row just added: its text takes the keyboard's focus.
  const [added, setAdded] = useState<number>();
  // «Rediger planen» takes the keyboard to the form's first field; a save's answer takes it there.
  const firstField = useRef<HTMLTextAreaElement>(null);
  const [opening, setOpening] = useState(false);
  useEffect(() => {
    if (opening && draft) {
      firstField.current?.focus();
      setOpening(false);
    }
  }, [opening, draft]);
  const feedbackRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) feedbackRef.current?.focus();
  }, [message]);

  if (data.state === 'loading') return <Loading />;
  if (data.state === 'failed') {
    if (data.error instanceof ApiError && data.error.status === 403)
      return (
        <MessageBar intent="info">
          <MessageBarBody>{data.error.message}</MessageBarBody>
        </MessageBar>
      );
    return <LoadFailed error={data.error} retry={reload} />;
  }
  const { plan, mayEdit } = data.value;
  const dates = dateFormats(language);
  const status = (s: string) => t(`localPlan.status.${s}` as MessageKey);

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    try {
      const saved = await api.put<LocalPlanView>(path, draft);
      setMessage({ intent: 'success', text: t('localPlan.saved', { version: saved.plan.version }) });
      close();
      reload();
    } catch (error) {
      const stale = error instanceof ApiError && error.status === 409;
      setMessage({ intent: 'error', text: (error as Error).message, stale });
    } finally {
      setSaving(false);
    }
  };
  /** Leaves the editor and forgets its text: saved, discarded, or replaced by the latest version. */
  function close() {
    clearDraft(key);
    setDraft(undefined);
    setRestoredAt(undefined);
    setDirty(false);
  }
  const change = (next: Partial<Draft>) => {
    if (!draft) return;
    const changed = { ...draft, ...next };
    setDraft(changed);
    writeDraft(key, changed, changed.version);
    setDirty(true);
    // «Planen er lagret» is not about this new text.
    setMessage((m) => (m?.intent === 'success' ? undefined : m));
  };
  const changeAction = (i: number, next: Partial<ActionDraft>) =>
    change({ actions: draft!.actions.map((a, j) => (j === i ? { ...a, ...next } : a)) });

  const feedback = message && (
    <div ref={feedbackRef} tabIndex={-1}>
      <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
        <MessageBarBody>{message.text}</MessageBarBody>
        {message.stale && (
          <MessageBarActions>
            <Button
              onClick={() => {
                close();
                setMessage(undefined);
                reload();
              }}
            >
              {t('localPlan.reload')}
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
    </div>
  );

  if (draft)
    return (
      <form
        className={styles.stack}
        aria-label={t('localPlan.editing')}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {feedback}
        <UnsavedNote
          restoredAt={restoredAt}
          dirty={false}
          onDiscard={() => {
            close();
            setMessage(undefined);
          }}
        />
        <Field label={t('localPlan.kartlegging')}>
          <Textarea
            ref={firstField}
            value={draft.kartlegging}
            onChange={(_, d) => change({ kartlegging: d.value })}
            resize="vertical"
          />
        </Field>
        <Field label={t('localPlan.analyse')}>
          <Textarea
            value={draft.analyse}
            onChange={(_, d) => change({ analyse: d.value })}
            resize="vertical"
          />
        </Field>
        <Field label={t('localPlan.mal')}>
          <Textarea value={draft.mal} onChange={(_, d) => change({ mal: d.value })} resize="vertical" />
        </Field>
        <Text as="h3" size={400} weight="semibold" block>
          {t('localPlan.actions')}
        </Text>
        {draft.actions.map((a, i) => (
          <ActionRowFields
            focusText={added === i}
            key={i}
            action={a}
            n={i + 1}
            labels="localPlan"
            plan={planFile}
            testId="action-row"
            onChange={(next) => changeAction(i, next)}
            onRemove={() => change({ actions: draft.actions.filter((_, j) => j !== i) })}
          />
        ))}
        <div className={styles.buttons}>
          <Button
            disabled={draft.actions.length >= MAX_ACTIONS}
            onClick={() => {
              setAdded(draft.actions.length);
              change({ actions: [...draft.actions, emptyAction()] });
            }}
          >
            {t('localPlan.addAction')}
          </Button>
        </div>
        <div className={styles.buttons}>
          <Button appearance="primary" type="submit" disabled={saving}>
            {t('localPlan.save')}
          </Button>
          <Button
            onClick={() => {
              close();
              setMessage(undefined);
            }}
          >
            {t('localPlan.cancel')}
          </Button>
        </div>
        <UnsavedNote
          restoredAt={undefined}
          dirty={dirty && !restoredAt}
          onDiscard={() => {
            close();
            setMessage(undefined);
          }}
        />
      </form>
    );

  return (
    <div className={styles.stack} data-testid="local-plan">
      {feedback}
      <Text block className={styles.subtle} data-testid="local-plan-version">
        {plan.version === 0
          ? t('localPlan.none')
          : t('localPlan.version', {
              version: plan.version,
              by: plan.savedByName,
              at: dates.long(plan.savedAt.slice(0, 10)),
            })}
      </Text>
      {(['kartlegging', 'analyse', 'mal'] as const).map((key) => (
        <div key={key}>
          <Text as="h3" size={300} weight="semibold" block>
            {t(`localPlan.${key}`)}
          </Text>
          <Text block className={styles.element}>
            {plan[key] || '–'}
          </Text>
        </div>
      ))}
      <Text as="h3" size={300} weight="semibold" block id={`handlinger-${plan.unitId}`}>
        {t('localPlan.actions')}
      </Text>
      {plan.actions.length === 0 ? (
        <Text block>{t('localPlan.noActions')}</Text>
      ) : narrow ? (
        // A phone gets one row per action, its text over its deadline, status and who is responsible.
        <ul
          className={styles.cards}
          aria-labelledby={`handlinger-${plan.unitId}`}
          data-testid="local-plan-actions"
        >
          {plan.actions.map((a) => (
            <li key={a.id} className={styles.card}>
              <Text>{a.text}</Text>
              <Text size={200} className={styles.subtle}>
                {[
                  `${t('localPlan.deadline')}: ${a.deadline ? dates.long(a.deadline) : '–'}`,
                  `${t('localPlan.statusLabel')}: ${status(a.status)}`,
                  a.responsible && `${t('localPlan.responsible')}: ${a.responsible}`,
                  servesLabel(planFile, a.serves, t) &&
                    t('goals.servesShown', { what: servesLabel(planFile, a.serves, t) }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </li>
          ))}
        </ul>
      ) : (
        <div className={styles.scroll}>
          <Table aria-labelledby={`handlinger-${plan.unitId}`} data-testid="local-plan-actions">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('localPlan.actionColumn')}</TableHeaderCell>
                <TableHeaderCell>{t('localPlan.deadline')}</TableHeaderCell>
                <TableHeaderCell>{t('localPlan.statusLabel')}</TableHeaderCell>
                <TableHeaderCell>{t('localPlan.responsible')}</TableHeaderCell>
                <TableHeaderCell>{t('goals.serves')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {plan.actions.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>{a.text}</TableCell>
                  <TableCell>{a.deadline ? dates.long(a.deadline) : '–'}</TableCell>
                  <TableCell>{status(a.status)}</TableCell>
                  <TableCell>{a.responsible || '–'}</TableCell>
                  <TableCell>{servesLabel(planFile, a.serves, t) || '–'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {mayEdit ? (
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            onClick={() => {
              setMessage(undefined);
              setDraft(draftOf(plan));
              setOpening(true);
            }}
          >
            {t('localPlan.edit')}
          </Button>
        </div>
      ) : (
        <Text block className={styles.subtle}>
          {t('localPlan.readOnly')}
        </Text>
      )}
    </div>
  );
}

import {
  Button,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  useId,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Api } from '../../api/api-client';
import { useLoad } from '../../api/use-load';
import { LoadFailed, Loading } from '../../components/load-state';
import { dateFormats } from '../../dates/format';
import { useI18n } from '../../i18n/i18n-context';
import type { PlanIssue, ReminderRules } from './admin-types';
import { useAdminStyles } from './admin-styles';
import { Notice, type NoticeState } from './notice';
import { PlanIssues, planIssuesOf } from './plan-issues';

/** What the form holds: text as typed, so the server's validator judges it. */
interface Draft {
  id: string;
  days: string;
  time: string;
}

const draftOf = (r: { id: string; readingLeadDays: number | null; reminderTime: string | null }): Draft => ({
  id: r.id,
  days: r.readingLeadDays === null ? '' : String(r.readingLeadDays),
  time: r.reminderTime ?? '',
});

/** A typed number stays a number; anything else goes as typed, for the validator to word. */
const daysValue = (text: string): number | string | null =>
  text.trim() === '' ? null : /^-?\d+$/.test(text.trim()) ? Number(text) : text;

/** Reading lead days and reminder time per programme, and per-event overrides, from the plan. */
export function ReminderRulesAdmin({ api, round }: { api: Api; round: number }) {
  const { t, language } = useI18n();
  const styles = useAdminStyles();
  const addId = useId('unntak');
  const [data, reload] = useLoad(() => api.get<ReminderRules>('/api/plan/reminder-rules'), [api, round]);
  const [programmes, setProgrammes] = useState<Draft[]>([]);
  const [events, setEvents] = useState<Draft[]>([]);
  const [issues, setIssues] = useState<PlanIssue[]>();
  const [notice, setNotice] = useState<NoticeState>();
  const formats = dateFormats(language);

  useEffect(() => {
    if (data.state !== 'ready') return;
    setProgrammes(data.value.programmes.map(draftOf));
    setEvents(
      data.value.events.filter((e) => e.readingLeadDays !== null || e.reminderTime !== null).map(draftOf),
    );
  }, [data]);

  if (data.state === 'loading') return <Loading />;
  if (data.state === 'failed') return <LoadFailed error={data.error} retry={reload} />;
  const rules = data.value;
  const programmeName = new Map(rules.programmes.map((p) => [p.id, p.name]));
  const eventOf = new Map(rules.events.map((e) => [e.id, e]));

  const save = async () => {
    setIssues(undefined);
    setNotice(undefined);
    const values = (d: Draft) => ({
      id: d.id,
      readingLeadDays: daysValue(d.days),
      reminderTime: d.time.trim() || null,
    });
    try {
      await api.put('/api/plan/reminder-rules', {
        revision: rules.revision,
        programmes: programmes.map(values),
        events: events.map(values),
      });
      setNotice({ intent: 'success', text: t('rules.saved') });
      reload();
    } catch (e) {
      setIssues(planIssuesOf(e));
      setNotice({ intent: 'error', text: (e as Error).message.split('\n')[0] });
    }
  };

  const row = (draft: Draft, label: string, update: (next: Draft) => void) => (
    <>
      <TableCell>
        <Input
          type="text"
          inputMode="numeric"
          size="small"
          aria-label={t('rules.daysFor', { name: label })}
          placeholder={String(rules.defaults.readingLeadDays)}
          value={draft.days}
          onChange={(_, d) => update({ ...draft, days: d.value })}
        />
      </TableCell>
      <TableCell>
        <Input
          type="text"
          size="small"
          aria-label={t('rules.timeFor', { name: label })}
          placeholder={rules.defaults.reminderTime}
          value={draft.time}
          onChange={(_, d) => update({ ...draft, time: d.value })}
        />
      </TableCell>
    </>
  );
  const replace = (list: Draft[], next: Draft) => list.map((d) => (d.id === next.id ? next : d));

  return (
    <section className={styles.section} aria-labelledby="regler-tittel">
      <Text as="h3" id="regler-tittel" size={400} weight="semibold" block>
        {t('admin.reminders')}
      </Text>
      <Text block>
        {t('rules.intro', { days: rules.defaults.readingLeadDays, time: rules.defaults.reminderTime })}
      </Text>
      <div className={styles.scroll}>
        <Table aria-label={t('rules.programmes')} size="small" data-testid="rules-programmes">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('rules.programme')}</TableHeaderCell>
              <TableHeaderCell>{t('rules.days')}</TableHeaderCell>
              <TableHeaderCell>{t('rules.time')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {programmes.map((p) => (
              <TableRow key={p.id}>
                <TableCell>{programmeName.get(p.id) ?? p.id}</TableCell>
                {row(p, programmeName.get(p.id) ?? p.id, (next) =>
                  setProgrammes((all) => replace(all, next)),
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Text as="h4" weight="semibold" block style={{ marginTop: '1rem' }}>
        {t('rules.events')}
      </Text>
      {events.length === 0 ? (
        <Text block>{t('rules.noOverrides')}</Text>
      ) : (
        <div className={styles.scroll}>
          <Table aria-label={t('rules.events')} size="small" data-testid="rules-events">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('rules.event')}</TableHeaderCell>
                <TableHeaderCell>{t('rules.days')}</TableHeaderCell>
                <TableHeaderCell>{t('rules.time')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {events.map((e) => {
                const event = eventOf.get(e.id);
                const label = event ? `${event.title} (${formats.short(event.date)})` : e.id;
                return (
                  <TableRow key={e.id}>
                    <TableCell>{label}</TableCell>
                    {row(e, label, (next) => setEvents((all) => replace(all, next)))}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
      <div className={styles.form}>
        <div className={styles.field}>
          <label htmlFor={addId}>{t('rules.addOverride')}</label>
          <Select
            id={addId}
            value=""
            onChange={(_, d) => d.value && setEvents((all) => [...all, { id: d.value, days: '', time: '' }])}
          >
            <option value="">–</option>
            {rules.events
              .filter((e) => !events.some((d) => d.id === e.id))
              .map((e) => (
                <option key={e.id} value={e.id}>
                  {`${formats.short(e.date)}: ${e.title}`}
                </option>
              ))}
          </Select>
        </div>
        <Button appearance="primary" onClick={() => void save()}>
          {t('rules.save')}
        </Button>
      </div>
      {issues && <PlanIssues issues={issues} testId="rules-issues" />}
      <Notice notice={notice} />
    </section>
  );
}

import {
  Button,
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
import { useState } from 'react';
import type { Api } from '../../api/api-client';
import { dateFormats } from '../../dates/format';
import { useI18n } from '../../i18n/i18n-context';
import type { RollForwardResponse } from './admin-types';
import { useAdminStyles } from './admin-styles';
import { Notice, type NoticeState } from './notice';

/** The next few school years after `current` (`2026-2027` → `2027-2028` …). */
function laterSchoolYears(current: string, count = 3): string[] {
  const start = Number(current.slice(0, 4));
  return Array.from({ length: count }, (_, i) => `${start + i + 1}-${start + i + 2}`);
}

/** Pick a school year, preview every moved date, then roll the current plan forward. */
export function RollForward({
  api,
  schoolYear,
  onRolled,
}: {
  api: Api;
  schoolYear: string;
  onRolled: () => void;
}) {
  const { t, language } = useI18n();
  const styles = useAdminStyles();
  const yearId = useId('skolear');
  const [target, setTarget] = useState('');
  const [preview, setPreview] = useState<RollForwardResponse>();
  const [notice, setNotice] = useState<NoticeState>();
  const [busy, setBusy] = useState(false);
  const formats = dateFormats(language);

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setNotice(undefined);
    try {
      const result = await api.post<RollForwardResponse>('/api/plan/roll-forward', {
        schoolYear: target,
        dryRun,
      });
      if (dryRun) setPreview(result);
      else {
        setPreview(undefined);
        setNotice({ intent: 'success', text: t('roll.done', { year: result.to.schoolYear }) });
        onRolled();
      }
    } catch (e) {
      setNotice({ intent: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="rull-tittel">
      <Text as="h3" id="rull-tittel" size={400} weight="semibold" block>
        {t('roll.heading')}
      </Text>
      <Text block>{t('roll.intro', { year: schoolYear })}</Text>
      <div className={styles.form}>
        <div className={styles.field}>
          <label htmlFor={yearId}>{t('roll.schoolYear')}</label>
          <Select
            id={yearId}
            value={target}
            onChange={(_, d) => {
              setTarget(d.value);
              setPreview(undefined);
            }}
          >
            <option value="">–</option>
            {laterSchoolYears(schoolYear).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </div>
        <Button disabled={!target || busy} onClick={() => void run(true)}>
          {t('roll.preview')}
        </Button>
      </div>
      {preview && (
        <div data-testid="roll-preview">
          <Text block weight="semibold">
            {t('roll.summary', {
              count: preview.moved.length,
              from: preview.from.schoolYear,
              to: preview.to.schoolYear,
            })}
          </Text>
          {preview.replaces && <Text block>{t('roll.replaces', { year: preview.to.schoolYear })}</Text>}
          {/* Scrolls on its own, so it takes keyboard focus to be scrollable without a mouse. */}
          <div
            className={styles.scroll}
            style={{ maxHeight: '24rem', overflowY: 'auto' }}
            tabIndex={0}
            role="region"
            aria-label={t('roll.tableLabel')}
          >
            <Table aria-label={t('roll.tableLabel')} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('roll.event')}</TableHeaderCell>
                  <TableHeaderCell>{t('roll.from')}</TableHeaderCell>
                  <TableHeaderCell>{t('roll.to')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {preview.moved.map((m) => (
                  <TableRow key={m.id} data-event-id={m.id}>
                    <TableCell>{m.title}</TableCell>
                    <TableCell>
                      {formats.short(m.from)} {m.from.slice(0, 4)}
                    </TableCell>
                    <TableCell>
                      {formats.short(m.to)} {m.to.slice(0, 4)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy} onClick={() => void run(false)}>
              {t('roll.confirm', { year: preview.to.schoolYear })}
            </Button>
            <Button onClick={() => setPreview(undefined)}>{t('common.cancel')}</Button>
          </div>
        </div>
      )}
      <Notice notice={notice} />
    </section>
  );
}

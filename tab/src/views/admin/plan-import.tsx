import { Button, Text, useId } from '@fluentui/react-components';
import { useState } from 'react';
import type { Api } from '../../api/api-client';
import { dateFormats } from '../../dates/format';
import { useI18n } from '../../i18n/i18n-context';
import type { ImportResponse, PlanIssue } from './admin-types';
import { useAdminStyles } from './admin-styles';
import { Notice, type NoticeState } from './notice';
import { PlanIssues, planIssuesOf } from './plan-issues';

type Checked = Extract<ImportResponse, { valid: true }>;

/** Upload a plan file: every problem, or a summary of what changes; then confirm the import. */
export function PlanImport({ api, onImported }: { api: Api; onImported: () => void }) {
  const { t, language } = useI18n();
  const styles = useAdminStyles();
  const fileId = useId('planfil');
  const [file, setFile] = useState<{ name: string; text: string }>();
  const [issues, setIssues] = useState<PlanIssue[]>();
  const [checked, setChecked] = useState<Checked>();
  const [notice, setNotice] = useState<NoticeState>();
  const [busy, setBusy] = useState(false);
  const formats = dateFormats(language);

  const check = async (chosen: File) => {
    setIssues(undefined);
    setChecked(undefined);
    setNotice(undefined);
    const text = await chosen.text();
    setFile({ name: chosen.name, text });
    setBusy(true);
    try {
      const result = await api.postText<ImportResponse>(
        '/api/plan/import?dryRun=true',
        text,
        'application/yaml',
      );
      if (result.valid) setChecked(result);
      else setIssues(result.issues);
    } catch (e) {
      setNotice({ intent: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await api.postText<ImportResponse>('/api/plan/import', file.text, 'application/yaml');
      setChecked(undefined);
      setNotice({
        intent: 'success',
        text: result.valid && !result.changed ? t('import.unchanged') : t('import.done', { name: file.name }),
      });
      onImported();
    } catch (e) {
      const found = planIssuesOf(e);
      if (found) setIssues(found);
      setNotice({ intent: 'error', text: (e as Error).message.split('\n')[0] });
    } finally {
      setBusy(false);
    }
  };

  const changes = checked?.changes;
  return (
    <section className={styles.section} aria-labelledby="import-tittel">
      <Text as="h3" id="import-tittel" size={400} weight="semibold" block>
        {t('import.heading')}
      </Text>
      <Text block>{t('import.intro')}</Text>
      <div className={styles.form}>
        <div className={styles.field}>
          <label htmlFor={fileId}>{t('import.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
            disabled={busy}
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              if (chosen) void check(chosen);
            }}
          />
        </div>
      </div>
      {issues && (
        <div role="alert" data-testid="import-issues">
          <Notice
            notice={{
              intent: 'error',
              title: t('import.invalid', { count: issues.length }),
              text: t('import.nothingStored'),
            }}
          />
          <PlanIssues issues={issues} />
        </div>
      )}
      {checked && changes && (
        <div data-testid="import-summary">
          <Text block weight="semibold">
            {t('import.summary', { title: checked.title, year: checked.schoolYear })}
          </Text>
          <ul className={styles.issues}>
            {!checked.changed ? (
              <li>{t('import.noChanges')}</li>
            ) : changes.isNew ? (
              <li>{t('import.new', { events: changes.events.total, units: changes.units.total })}</li>
            ) : (
              <>
                <li>{t('import.added', { count: changes.events.added.length })}</li>
                <li>{t('import.removed', { count: changes.events.removed.length })}</li>
                <li>{t('import.changed', { count: changes.events.changed.length })}</li>
                <li>
                  {t('import.moved', { count: changes.events.moved.length })}
                  {changes.events.moved.length > 0 && (
                    <ul>
                      {changes.events.moved.map((m) => (
                        <li key={m.id}>
                          {m.title}: {formats.short(m.from)} → {formats.short(m.to)}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
                <li>
                  {t('import.units', {
                    added: changes.units.added.length,
                    removed: changes.units.removed.length,
                  })}
                </li>
              </>
            )}
          </ul>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy || !checked.changed} onClick={() => void confirm()}>
              {t('import.confirm')}
            </Button>
            <Button onClick={() => setChecked(undefined)}>{t('common.cancel')}</Button>
          </div>
        </div>
      )}
      <Notice notice={notice} />
    </section>
  );
}

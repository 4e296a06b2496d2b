import { Button, Field, Input, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Api } from '../../api/api-client';
import { useLoad } from '../../api/use-load';
import { LoadFailed, Loading } from '../../components/load-state';
import { useI18n } from '../../i18n/i18n-context';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'start' },
  help: { color: tokens.colorNeutralForeground2 },
  url: { width: '100%' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, width: '100%', alignItems: 'end' },
  grow: { flexGrow: 1, minWidth: 0 },
});

/**
 * The person's own calendar feed: the link they made before, with «Kopier» and where to paste it;
 * or a button to make one. Making a new one is a separate action that says it replaces the old
 * (the old link stops working in every calendar that subscribes to it).
 */
export function SubscribeLink({ api }: { api: Api }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [mine, reload] = useLoad(() => api.get<{ url: string | null }>('/api/feeds/mine'), [api]);
  const [made, setMade] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const [said, setSaid] = useState<{ alert: boolean; text: string }>();
  const input = useRef<HTMLInputElement>(null);

  if (mine.state === 'loading') return <Loading />;
  if (mine.state === 'failed') return <LoadFailed error={mine.error} retry={reload} />;
  const url = made ?? mine.value.url;

  const make = async () => {
    setBusy(true);
    setSaid(undefined);
    try {
      const { url: fresh } = await api.post<{ url: string }>('/api/feeds/mine', {});
      setMade(fresh);
      setReplacing(false);
      if (url) setSaid({ alert: false, text: t('event.subscribeReplaced') });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setSaid({ alert: true, text: t('event.subscribeFailed', { message }) });
    } finally {
      setBusy(false);
    }
  };
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Teams may not let the tab write the clipboard: select the text and copy it the old way.
      input.current?.select();
      if (!document.execCommand('copy')) {
        setSaid({ alert: true, text: t('event.subscribeCopyFailed') });
        return;
      }
    }
    setSaid({ alert: false, text: t('event.subscribeCopied') });
  };

  return (
    <div className={styles.box} data-testid="subscribe">
      {url ? (
        <>
          <div className={styles.row}>
            <Field label={t('event.subscribeUrl')} className={styles.grow}>
              <Input
                ref={input}
                readOnly
                value={url}
                onFocus={(e) => e.target.select()}
                className={styles.url}
              />
            </Field>
            <Button onClick={() => void copy(url)}>{t('event.subscribeCopy')}</Button>
          </div>
          <Text size={200} className={styles.help}>
            {t('event.subscribeOutlook')}
          </Text>
          <Link href={url.replace(/^https?:/, 'webcal:')}>{t('event.subscribeOpen')}</Link>
          {replacing ? (
            <>
              <Text>{t('event.subscribeReplaceWarning')}</Text>
              <div className={styles.row}>
                <Button size="small" appearance="primary" disabled={busy} onClick={() => void make()}>
                  {t('event.subscribeReplaceYes')}
                </Button>
                <Button size="small" disabled={busy} onClick={() => setReplacing(false)}>
                  {t('common.cancel')}
                </Button>
              </div>
            </>
          ) : (
            <Button size="small" appearance="subtle" disabled={busy} onClick={() => setReplacing(true)}>
              {t('event.subscribeReplace')}
            </Button>
          )}
        </>
      ) : (
        <>
          <Button size="small" disabled={busy} onClick={() => void make()}>
            {t('event.subscribeMake')}
          </Button>
          <Text size={200} className={styles.help}>
            {t('event.subscribeHelp')}
          </Text>
        </>
      )}
      {said && (
        <Text role={said.alert ? 'alert' : 'status'} data-testid="subscribe-said">
          {said.text}
        </Text>
      )}
    </div>
  );
}

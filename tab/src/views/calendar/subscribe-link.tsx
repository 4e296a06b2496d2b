import { Button, Field, Input, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Api } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n-context';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'start' },
  help: { color: tokens.colorNeutralForeground2 },
  url: { width: '100%' },
});

/**
 * The person's own calendar feed: made on request (the link is a secret, and a new one replaces
 * the old), then offered to the calendar app (webcal:) and as text to copy.
 */
export function SubscribeLink({ api }: { api: Api }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'busy' } | { kind: 'made'; url: string } | { kind: 'failed'; message: string }
  >({ kind: 'idle' });
  const make = async () => {
    setState({ kind: 'busy' });
    try {
      const { url } = await api.post<{ url: string }>('/api/feeds/mine', {});
      setState({ kind: 'made', url });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div className={styles.box} data-testid="subscribe">
      {state.kind === 'made' ? (
        <>
          <Link href={state.url.replace(/^https?:/, 'webcal:')}>{t('event.subscribeOpen')}</Link>
          <Field label={t('event.subscribeUrl')} className={styles.url}>
            <Input readOnly value={state.url} onFocus={(e) => e.target.select()} />
          </Field>
        </>
      ) : (
        <Button size="small" disabled={state.kind === 'busy'} onClick={() => void make()}>
          {t('event.subscribeMake')}
        </Button>
      )}
      {state.kind === 'failed' && (
        <Text role="alert">{t('event.subscribeFailed', { message: state.message })}</Text>
      )}
      <Text size={200} className={styles.help}>
        {t('event.subscribeHelp')}
      </Text>
    </div>
  );
}

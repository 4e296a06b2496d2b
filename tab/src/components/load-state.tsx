import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n-context';

export function Loading() {
  const { t } = useI18n();
  return <Spinner label={t('app.loading')} style={{ margin: '2rem' }} />;
}

export function LoadFailed({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{t('app.error', { message: error.message })}</MessageBarBody>
      <MessageBarActions>
        <Button onClick={retry}>{t('app.retry')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

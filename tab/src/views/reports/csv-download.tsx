import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import type { Api } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n-context';
import { saveFile } from './save-file';

/**
 * «Last ned CSV»: the export needs the caller's identity (a Teams token header), which a plain
 * link cannot send, so the file is fetched with it and handed to the browser as a download.
 */
export function CsvDownload({ api }: { api: Api }) {
  const { t } = useI18n();
  const [error, setError] = useState<string>();
  const download = async () => {
    setError(undefined);
    try {
      saveFile(await api.blob('/api/reports/export'), 'rapporter.csv');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <Button onClick={() => void download()}>{t('reports.csv')}</Button>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{t('app.error', { message: error })}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import type { Api } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n-context';
import { saveFile } from './save-file';

/**
 * «Last ned CSV»: the campaign she is looking at, as a file for Excel, named after it. The export
 * needs the caller's identity (a Teams token header), which a plain link cannot send, so the
 * file is fetched with it and handed to the browser as a download.
 */
export function CsvDownload({ api, campaignId }: { api: Api; campaignId: string }) {
  const { t } = useI18n();
  const [error, setError] = useState<string>();
  const download = async () => {
    setError(undefined);
    try {
      const blob = await api.blob(`/api/reports/export?campaign=${encodeURIComponent(campaignId)}`);
      // The server's name for it (Content-Disposition), which a fetched blob does not carry.
      saveFile(blob, `planpuls-rapporter-${campaignId}.csv`);
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

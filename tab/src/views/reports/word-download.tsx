import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import type { Api } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n-context';
import { saveFile } from './save-file';

/**
 * «Last ned Word-rapport»: the half-year report as a Word document for the political level, for
 * the kommunalsjef. A large municipality's document takes a few seconds, so the button says it is
 * working (and a screen reader hears it) instead of seeming dead.
 */
export function WordDownload({ api, campaignId }: { api: Api; campaignId: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const download = async () => {
    setError(undefined);
    setBusy(true);
    try {
      const blob = await api.blob(`/api/reports/${encodeURIComponent(campaignId)}/docx`);
      saveFile(blob, `halvarsrapport-${campaignId}.docx`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        icon={busy ? <Spinner size="tiny" /> : undefined}
        disabledFocusable={busy}
        onClick={() => void (busy ? undefined : download())}
      >
        {busy ? t('wordReport.busy') : t('wordReport.download')}
      </Button>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{t('wordReport.failed', { message: error })}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

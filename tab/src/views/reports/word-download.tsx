import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import type { Api } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n-context';
import { saveFile } from './save-file';

/**
 * The document's file name as the server gives it: «halvårsrapport-høsten-2026.docx» for the
 * half year 2026-H2 (the document is Norwegian, so is its name); another campaign by its id.
 */
export function wordFileName(campaignId: string): string {
  const match = /^(\d{4})-H([12])$/.exec(campaignId);
  return match
    ? `halvårsrapport-${match[2] === '1' ? 'våren' : 'høsten'}-${match[1]}.docx`
    : `halvårsrapport-${campaignId}.docx`;
}

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
      saveFile(blob, wordFileName(campaignId));
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

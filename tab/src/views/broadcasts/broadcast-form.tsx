import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Api } from '../../api/api-client';
import type { InstallationsResponse, PlanFile } from '../../api/types';
import type { Broadcast, RecipientName } from '../../api/view-types';
import { useLoad } from '../../api/use-load';
import { useI18n } from '../../i18n/i18n-context';
import { AudiencePicker } from './audience-picker';
import { ConfirmSendDialog } from './confirm-send-dialog';
import type { Unreached } from '../../../../bot/use-cases/broadcasts/unreached';
import { recipientCount, sendTime } from './recipient-labels';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalXL,
    maxWidth: '60rem',
  },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
});

interface Props {
  api: Api;
  plan: PlanFile;
  /** The draft being edited; without it a new one is written. */
  draft?: Broadcast;
  /** After a save (and the action that followed it), with what to tell the user. */
  /** `sent`: sent or scheduled, so the form gives way to the message's status. */
  onSaved: (broadcast: Broadcast, message: string, sent?: boolean) => void;
  onCancel: () => void;
}

/**
 * Writes or edits a draft: title, text (simple markdown), link, an optional reading assignment
 * (the card then has «Lest»), audiences. It can be previewed in one's own chat, sent now or
 * scheduled, also before it was saved as a draft; every action saves the form first.
 */
export function BroadcastForm({ api, plan, draft, onSaved, onCancel }: Props) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const [title, setTitle] = useState(draft?.title ?? '');
  const [text, setText] = useState(draft?.text ?? '');
  const [link, setLink] = useState(draft?.link ?? '');
  const [reading, setReading] = useState(draft?.reading ?? '');
  const [audiences, setAudiences] = useState<string[]>([...(draft?.audiences ?? [])]);
  const [sendAt, setSendAt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // «Send nå» and «Send senere» open the question; focus goes back to the one pressed (WCAG 2.4.3).
  const restoreFocus = useRestoreFocusTarget();
  // A send waiting for the sender's yes, with where it would go.
  const [confirming, setConfirming] = useState<{
    saved: Broadcast;
    at?: string;
    recipients: RecipientName[];
    unreached: Unreached[];
  }>();
  // Channels are for admins and coordinators; anyone else simply gets none to choose from.
  const [installations] = useLoad(() => api.get<InstallationsResponse>('/api/installations'), [api]);
  const channels =
    installations.state === 'ready'
      ? installations.value.installations.filter((i) => i.kind === 'channel' && i.status === 'active')
      : [];

  // A new message becomes a draft on its first save (also on the way to «Send nå»); later saves
  // change that draft instead of making another.
  const [savedId, setSavedId] = useState(draft?.id);
  const save = async (): Promise<Broadcast> => {
    const body = { title, text, link, reading, audiences };
    const { broadcast } = savedId
      ? await api.put<{ broadcast: Broadcast }>(`/api/broadcasts/${savedId}`, body)
      : await api.post<{ broadcast: Broadcast }>('/api/broadcasts', body);
    setSavedId(broadcast.id);
    return broadcast;
  };
  const run = async (action: (saved: Broadcast) => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await save();
      onSaved(saved, await action(saved));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  /** Saves the form, then asks the server where the send would go and asks the sender to confirm. */
  const askToSend = async (at?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await save();
      const { recipients, unreached } = await api.get<{
        recipients: RecipientName[];
        unreached: Unreached[];
      }>(`/api/broadcasts/${saved.id}/audience`);
      setConfirming({ saved, recipients, unreached, ...(at ? { at: new Date(at).toISOString() } : {}) });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const send = async ({ saved, at }: { saved: Broadcast; at?: string }) => {
    setBusy(true);
    try {
      const result = await api.post<{ recipients: number; sendAt: string }>(
        `/api/broadcasts/${saved.id}/send`,
        at ? { sendAt: at } : {},
      );
      setConfirming(undefined);
      onSaved(
        saved,
        t(at ? 'broadcasts.scheduledDone' : 'broadcasts.sentDone', {
          recipients: recipientCount(result.recipients, t),
          when: sendTime(result.sendAt, language),
        }),
        true,
      );
    } catch (e) {
      setConfirming(undefined);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.form}
      aria-labelledby="melding-skjema"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => t('broadcasts.savedDone'));
      }}
    >
      <Text as="h3" id="melding-skjema" size={400} weight="semibold">
        {draft ? t('broadcasts.editHeading') : t('broadcasts.newHeading')}
      </Text>
      <Field label={t('broadcasts.title')} required>
        <Input value={title} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <Field label={t('broadcasts.text')} hint={t('broadcasts.textHint')} required>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={5} />
      </Field>
      <Field label={t('broadcasts.link')}>
        <Input type="url" value={link} onChange={(_, d) => setLink(d.value)} />
      </Field>
      <Field label={t('broadcasts.reading')} hint={t('broadcasts.readingHint')}>
        <Input value={reading} onChange={(_, d) => setReading(d.value)} />
      </Field>
      <Text weight="semibold">{t('broadcasts.audiences')}</Text>
      <AudiencePicker plan={plan} channels={channels} value={audiences} onChange={setAudiences} />
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('broadcasts.save')}
        </Button>
        <Button
          disabled={busy}
          onClick={() =>
            void run(async (saved) => {
              await api.post(`/api/broadcasts/${saved.id}/preview`, {});
              return t('broadcasts.previewDone');
            })
          }
        >
          {t('broadcasts.preview')}
        </Button>
        <Button disabled={busy} onClick={() => void askToSend()} {...restoreFocus}>
          {t('broadcasts.sendNow')}
        </Button>
        <Field label={t('broadcasts.sendAt')}>
          <Input type="datetime-local" value={sendAt} onChange={(_, d) => setSendAt(d.value)} />
        </Field>
        <Button disabled={busy || !sendAt} onClick={() => void askToSend(sendAt)} {...restoreFocus}>
          {t('broadcasts.schedule')}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          {t('broadcasts.close')}
        </Button>
      </div>
      {confirming && (
        <ConfirmSendDialog
          recipients={confirming.recipients}
          unreached={confirming.unreached}
          {...(confirming.at ? { at: confirming.at } : {})}
          busy={busy}
          onConfirm={() => void send(confirming)}
          onClose={() => {
            setConfirming(undefined);
            // The draft was saved on the way to the question; the list shows it as saved.
            onSaved(confirming.saved, t('broadcasts.savedDone'));
          }}
        />
      )}
    </form>
  );
}

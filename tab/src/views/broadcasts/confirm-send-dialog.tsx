import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components';
import type { RecipientName } from '../../api/view-types';
import { formatInstant } from '../../dates/instant';
import { useI18n } from '../../i18n/i18n-context';
import { joined, recipientCount, recipientLabel } from './recipient-labels';

/**
 * Asks before a broadcast goes out: how many conversations it reaches and which, by name
 * («Sendes til 3 mottakere: Oppvekst › KULG, Rita Rektor (personlig chat) og …»). With nobody
 * to reach there is nothing to confirm, only to close.
 */
export function ConfirmSendDialog({
  recipients,
  at,
  busy,
  onConfirm,
  onClose,
}: {
  recipients: readonly RecipientName[];
  /** An ISO instant for a scheduled send; none for «Send nå». */
  at?: string;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const params = {
    recipients: recipientCount(recipients.length, t),
    where: joined(
      recipients.map((r) => recipientLabel(r, t)),
      t,
    ),
  };
  return (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            {t(at ? 'broadcasts.confirmScheduleTitle' : 'broadcasts.confirmSendTitle')}
          </DialogTitle>
          <DialogContent>
            <Text block data-testid="confirm-recipients">
              {recipients.length === 0
                ? t('broadcasts.confirmNobody')
                : at
                  ? t('broadcasts.confirmScheduleText', { ...params, when: formatInstant(at, language) })
                  : t('broadcasts.confirmSendText', params)}
            </Text>
          </DialogContent>
          <DialogActions>
            {recipients.length > 0 && (
              <Button appearance="primary" disabled={busy} onClick={onConfirm}>
                {t(at ? 'broadcasts.confirmSchedule' : 'broadcasts.confirmSend')}
              </Button>
            )}
            <Button disabled={busy} onClick={onClose}>
              {t('common.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

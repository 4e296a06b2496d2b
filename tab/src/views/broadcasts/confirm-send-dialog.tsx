import { Text } from '@fluentui/react-components';
import type { RecipientName } from '../../api/view-types';
import type { Unreached } from '../../../../bot/use-cases/broadcasts/unreached';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useI18n } from '../../i18n/i18n-context';
import { joined, recipientCount, recipientLabel, sendTime, unreachedSentences } from './recipient-labels';

/**
 * Asks before a broadcast goes out: how many conversations it reaches and which, by name
 * («Sendes til 3 mottakere: Oppvekst › KULG, Rita Rektor (personlig chat) og …»), and who will
 * not get it and why («Stian Styrer har ikke Planpuls i en personlig chat ennå.»). With nobody
 * to reach there is nothing to confirm, only to close.
 */
export function ConfirmSendDialog({
  recipients,
  unreached,
  at,
  busy,
  onConfirm,
  onClose,
}: {
  recipients: readonly RecipientName[];
  /** Who the send leaves out, and why. */
  unreached: readonly Unreached[];
  /** An ISO instant for a scheduled send; none for «Send nå». */
  at?: string;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const leftOut = unreachedSentences(unreached, t);
  const params = {
    recipients: recipientCount(recipients.length, t),
    where: joined(
      recipients.map((r) => recipientLabel(r, t)),
      t,
    ),
  };
  return (
    <ConfirmDialog
      title={t(at ? 'broadcasts.confirmScheduleTitle' : 'broadcasts.confirmSendTitle')}
      confirm={
        recipients.length > 0 ? t(at ? 'broadcasts.confirmSchedule' : 'broadcasts.confirmSend') : undefined
      }
      cancel={t('common.cancel')}
      busy={busy}
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <Text block data-testid="confirm-recipients">
        {recipients.length === 0
          ? t(leftOut.length ? 'broadcasts.confirmNobodyReached' : 'broadcasts.confirmNobody')
          : at
            ? t('broadcasts.confirmScheduleText', { ...params, when: sendTime(at, language) })
            : t('broadcasts.confirmSendText', params)}
      </Text>
      {leftOut.length > 0 && (
        <Text block data-testid="confirm-unreached">
          {recipients.length > 0 && <strong>{t('broadcasts.confirmLeftOut')} </strong>}
          {leftOut.join(' ')}
        </Text>
      )}
    </ConfirmDialog>
  );
}

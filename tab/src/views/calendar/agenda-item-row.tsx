import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AgendaItemView } from '../../api/view-types';
import { useI18n } from '../../i18n/i18n-context';
import { AgendaItemForm, type AgendaItemInput } from './agenda-item-form';

const useStyles = makeStyles({
  item: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalS} 0`,
    overflowWrap: 'anywhere',
  },
  meta: { color: tokens.colorNeutralForeground2 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
  },
  description: { whiteSpace: 'pre-line', display: 'block' },
});

const COLOUR = {
  submitted: 'informative',
  accepted: 'success',
  declined: 'danger',
  withdrawn: 'subtle',
} as const;

/** What a row may ask the panel to do with its item; each resolves true when the server took it. */
export interface ItemActions {
  decide: (status: 'accepted' | 'declined') => Promise<boolean>;
  /** Only for accepted items; undefined at the top (up) or bottom (down) of the agenda. */
  up?: () => Promise<boolean>;
  down?: () => Promise<boolean>;
  edit: (input: AgendaItemInput) => Promise<boolean>;
  withdraw: () => Promise<boolean>;
}

/**
 * One agenda item: title, status, who presents, minutes, who submitted it; for the meeting's
 * coordinator accept, decline and «Flytt opp/ned»; for whoever may change it (`mayEdit`: the
 * submitter until the deadline, the coordinator always) «Endre» with the form pre-filled and
 * «Trekk tilbake» after a confirmation. The row is remounted when the agenda reloads, so an open
 * form or question closes once the server has answered and the agenda is read again.
 */
export function AgendaItemRow({
  item,
  mayManage,
  busy,
  actions,
}: {
  item: AgendaItemView;
  mayManage: boolean;
  busy: boolean;
  actions: ItemActions;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [mode, setMode] = useState<'show' | 'edit' | 'withdraw'>('show');
  const title = { title: item.title };

  return (
    <li className={styles.item} data-item-id={item.id}>
      <Text weight="semibold">{item.title}</Text>{' '}
      <Badge appearance="tint" color={COLOUR[item.status]}>
        {t(`agenda.status.${item.status}`)}
      </Badge>
      {item.late && <Text className={styles.meta}> {t('agenda.late')}</Text>}
      <Text block className={styles.meta}>
        {t('agenda.itemMeta', { presenter: item.presenter || '–', minutes: item.minutes })}
        {item.submitterName && ` · ${t('agenda.submittedBy', { name: item.submitterName })}`}
      </Text>
      {item.description && <Text className={styles.description}>{item.description}</Text>}
      {mode === 'edit' && (
        <AgendaItemForm editing={item} busy={busy} submit={actions.edit} onCancel={() => setMode('show')} />
      )}
      {mode === 'withdraw' && (
        <div role="group" aria-label={t('agenda.withdrawFor', title)} className={styles.actions}>
          <Text block>{t('agenda.withdrawConfirm', title)}</Text>
          <Button size="small" appearance="primary" disabled={busy} onClick={() => void actions.withdraw()}>
            {t('agenda.withdrawYes')}
          </Button>
          <Button size="small" disabled={busy} onClick={() => setMode('show')}>
            {t('agenda.cancel')}
          </Button>
        </div>
      )}
      {mode === 'show' && (mayManage || item.mayEdit) && (
        <div className={styles.actions}>
          {mayManage && item.status !== 'accepted' && (
            <Button size="small" disabled={busy} onClick={() => void actions.decide('accepted')}>
              {t('agenda.accept')}
            </Button>
          )}
          {mayManage && item.status !== 'declined' && (
            <Button size="small" disabled={busy} onClick={() => void actions.decide('declined')}>
              {t('agenda.decline')}
            </Button>
          )}
          {mayManage && item.status === 'accepted' && (
            <>
              <Button
                size="small"
                disabled={busy || !actions.up}
                onClick={() => void actions.up?.()}
                aria-label={t('agenda.upFor', title)}
              >
                {t('agenda.up')}
              </Button>
              <Button
                size="small"
                disabled={busy || !actions.down}
                onClick={() => void actions.down?.()}
                aria-label={t('agenda.downFor', title)}
              >
                {t('agenda.down')}
              </Button>
            </>
          )}
          {item.mayEdit && (
            <>
              <Button
                size="small"
                disabled={busy}
                onClick={() => setMode('edit')}
                aria-label={t('agenda.editFor', title)}
              >
                {t('agenda.edit')}
              </Button>
              <Button
                size="small"
                disabled={busy}
                onClick={() => setMode('withdraw')}
                aria-label={t('agenda.withdrawFor', title)}
              >
                {t('agenda.withdraw')}
              </Button>
            </>
          )}
        </div>
      )}
    </li>
  );
}

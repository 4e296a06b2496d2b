import {
  Button,
  Checkbox,
  Field,
  Input,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n-context';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
    maxWidth: '32rem',
  },
  muted: { color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface AgendaItemInput {
  title: string;
  description: string;
  presenter: string;
  minutes: number;
  acceptLate?: boolean;
}

/**
 * «Meld inn sak»: title, description, presenter and minutes. The server judges the deadline and
 * answers in Norwegian when it has passed; the coordinator may take a late item in. With
 * `editing`, the same form changes an item: pre-filled, with «Lagre endringene» and «Avbryt».
 */
export function AgendaItemForm({
  submit,
  busy,
  late = false,
  mayAcceptLate = false,
  editing,
  onCancel,
}: {
  /** Resolves true when the server took the item. */
  submit: (input: AgendaItemInput) => Promise<boolean>;
  busy: boolean;
  late?: boolean;
  mayAcceptLate?: boolean;
  /** The item being changed, with its id for the form's label. */
  editing?: AgendaItemInput & { id: string };
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [title, setTitle] = useState(editing?.title ?? '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [presenter, setPresenter] = useState(editing?.presenter ?? '');
  const [minutes, setMinutes] = useState(String(editing?.minutes ?? 15));
  const [acceptLate, setAcceptLate] = useState(false);
  const headingId = editing ? `endre-sak-${editing.id}` : 'meld-inn-sak';
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await submit({
      title,
      description,
      presenter,
      minutes: Number(minutes),
      ...(mayAcceptLate && acceptLate ? { acceptLate: true } : {}),
    });
    if (!ok || editing) return;
    setTitle('');
    setDescription('');
  };
  return (
    <form className={styles.form} onSubmit={(e) => void onSubmit(e)} aria-labelledby={headingId}>
      <Text as="h4" id={headingId} weight="semibold">
        {editing ? t('agenda.editHeading', { title: editing.title }) : t('agenda.submitHeading')}
      </Text>
      {late && !editing && <Text className={styles.muted}>{t('agenda.pastDeadline')}</Text>}
      <Field label={t('agenda.title')} required>
        <Input value={title} onChange={(_, d) => setTitle(d.value)} maxLength={200} />
      </Field>
      <Field label={t('agenda.description')}>
        <Textarea value={description} onChange={(_, d) => setDescription(d.value)} maxLength={4000} />
      </Field>
      <Field label={t('agenda.presenter')}>
        <Input value={presenter} onChange={(_, d) => setPresenter(d.value)} />
      </Field>
      <Field label={t('agenda.minutes')} required>
        <Input type="number" min={1} max={240} value={minutes} onChange={(_, d) => setMinutes(d.value)} />
      </Field>
      {mayAcceptLate && !editing && (
        <Checkbox
          checked={acceptLate}
          onChange={(_, d) => setAcceptLate(d.checked === true)}
          label={t('agenda.acceptLate')}
        />
      )}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {editing ? t('agenda.save') : t('agenda.send')}
        </Button>
        {onCancel && (
          <Button disabled={busy} onClick={onCancel}>
            {t('agenda.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}

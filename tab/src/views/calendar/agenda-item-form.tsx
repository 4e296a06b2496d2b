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
 * answers in Norwegian when it has passed; the coordinator may take a late item in.
 */
export function AgendaItemForm({
  submit,
  busy,
  late,
  mayAcceptLate,
}: {
  /** Resolves true when the server took the item. */
  submit: (input: AgendaItemInput) => Promise<boolean>;
  busy: boolean;
  late: boolean;
  mayAcceptLate: boolean;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [presenter, setPresenter] = useState('');
  const [minutes, setMinutes] = useState('15');
  const [acceptLate, setAcceptLate] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await submit({
      title,
      description,
      presenter,
      minutes: Number(minutes),
      ...(mayAcceptLate && acceptLate ? { acceptLate: true } : {}),
    });
    if (!ok) return;
    setTitle('');
    setDescription('');
  };
  return (
    <form className={styles.form} onSubmit={(e) => void onSubmit(e)} aria-labelledby="meld-inn-sak">
      <Text as="h4" id="meld-inn-sak" weight="semibold">
        {t('agenda.submitHeading')}
      </Text>
      {late && <Text className={styles.muted}>{t('agenda.pastDeadline')}</Text>}
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
      {mayAcceptLate && (
        <Checkbox
          checked={acceptLate}
          onChange={(_, d) => setAcceptLate(d.checked === true)}
          label={t('agenda.acceptLate')}
        />
      )}
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('agenda.send')}
        </Button>
      </div>
    </form>
  );
}

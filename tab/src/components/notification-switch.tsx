import { Select, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Api } from '../api/api-client';
import { useI18n } from '../i18n/i18n-context';

type Choice = 'all' | 'digest' | 'needed';
const CHOICES: readonly Choice[] = ['all', 'digest', 'needed'];

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  error: { color: tokens.colorPaletteRedForeground1 },
  saved: { color: tokens.colorPaletteGreenForeground1 },
  // The empty live region takes no room (it would wrap to a line of its own in a narrow header).
  quiet: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

/**
 * «Varsler» in the header, beside the language: what Planpuls sends the person in her personal
 * chat (every reminder, the weekly digest only, or only what needs her). Saved on the server, the
 * same choice as `varsler` in chat; the hint under it says what the chosen one means.
 */
export function NotificationSwitch({ api }: { api: Api }) {
  const { t } = useI18n();
  const styles = useStyles();
  const id = useId('varsler');
  const hint = useId('varsler-hint');
  const [choice, setChoice] = useState<Choice | undefined>();
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Choice | undefined>();
  useEffect(() => {
    let live = true;
    api.get<{ notifications: Choice }>('/api/me/notifications').then(
      (r) => live && setChoice(r.notifications),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [api]);
  if (!choice)
    return failed ? (
      <Text size={200} role="alert" className={styles.error}>
        {t('digest.loadFailed')}
      </Text>
    ) : null;
  const pick = (next: Choice) => {
    const before = choice;
    setChoice(next);
    setSaving(true);
    setFailed(false);
    setSaved(undefined);
    api.put<{ notifications: Choice }>('/api/me/notifications', { notifications: next }).then(
      () => {
        setSaving(false);
        setSaved(next);
      },
      () => {
        setChoice(before);
        setSaving(false);
        setFailed(true);
      },
    );
  };
  return (
    <span className={styles.root}>
      <label htmlFor={id}>{t('digest.label')}</label>
      <Select
        id={id}
        size="small"
        value={choice}
        // Not disabled while saving: a disabled control drops keyboard focus to the page.
        aria-busy={saving}
        aria-describedby={hint}
        onChange={(_, d) => pick(d.value as Choice)}
      >
        {CHOICES.map((c) => (
          <option key={c} value={c}>
            {t(`digest.choice.${c}`)}
          </option>
        ))}
      </Select>
      <Text size={200} id={hint}>
        {t(`digest.hint.${choice}`)}
      </Text>
      {/* Always there, so screen readers announce the text when it appears. */}
      <Text
        size={200}
        role="status"
        className={saved ? styles.saved : styles.quiet}
        data-testid="varsler-saved"
      >
        {saved ? t('digest2.saved', { choice: t(`digest.choice.${saved}`) }) : ''}
      </Text>
      {failed && (
        <Text size={200} role="alert" className={styles.error}>
          {t('digest.saveFailed')}
        </Text>
      )}
    </span>
  );
}

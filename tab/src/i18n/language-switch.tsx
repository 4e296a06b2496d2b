import { Select, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useState } from 'react';
import type { Language } from './i18n';
import { useI18n } from './i18n-context';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * Norsk / English in the header. The choice is the person's, saved on the server: the bot speaks
 * it in Teams too, and the tab starts in it on any device.
 */
export function LanguageSwitch() {
  const { t, language, choose } = useI18n();
  const styles = useStyles();
  const id = useId('sprak');
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  if (!choose) return null;
  const pick = (next: Language) => {
    // One save at a time; the select stays enabled, since disabling it would throw the keyboard's
    // focus to the page (arrow keys on a closed select choose at once).
    if (saving) return;
    setSaving(true);
    setFailed(false);
    choose(next).then(
      () => setSaving(false),
      () => {
        setSaving(false);
        setFailed(true);
      },
    );
  };
  return (
    <span className={styles.root}>
      <label htmlFor={id}>{t('lang.label')}</label>
      <Select
        id={id}
        size="small"
        value={language}
        aria-busy={saving}
        onChange={(_, d) => pick(d.value as Language)}
      >
        <option value="nb" lang="nb">
          Norsk (bokmål)
        </option>
        <option value="en" lang="en">
          English
        </option>
      </Select>
      {failed && (
        <Text size={200} role="alert" className={styles.error}>
          {t('lang.saveFailed')}
        </Text>
      )}
    </span>
  );
}

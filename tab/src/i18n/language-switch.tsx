import { Select, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { Language } from './i18n';
import { useI18n } from './i18n-context';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/** Norsk / English in the header; the choice is kept in this browser. */
export function LanguageSwitch() {
  const { t, language, choose } = useI18n();
  const styles = useStyles();
  const id = useId('sprak');
  if (!choose) return null;
  return (
    <span className={styles.root}>
      <label htmlFor={id}>{t('lang.label')}</label>
      <Select id={id} size="small" value={language} onChange={(_, d) => choose(d.value as Language)}>
        <option value="nb" lang="nb">
          Norsk (bokmål)
        </option>
        <option value="en" lang="en">
          English
        </option>
      </Select>
    </span>
  );
}

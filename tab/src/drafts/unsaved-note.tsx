import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n-context';
import { dateTimeInWords } from '../views/reports/saved-line';

const useStyles = makeStyles({
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  subtle: { color: tokens.colorNeutralForeground2 },
});

/**
 * Says that the form holds text that is not saved: text brought back from an earlier visit, with
 * when she wrote it, or text typed now (so a success message above is not taken for this text's).
 * Either way she can throw it away.
 */
export function UnsavedNote({
  restoredAt,
  dirty,
  onDiscard,
}: {
  /** When the text brought back was written (ISO); undefined when nothing was brought back. */
  restoredAt: string | undefined;
  dirty: boolean;
  onDiscard: () => void;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const discard = <Button onClick={onDiscard}>{t('drafts.discard')}</Button>;
  if (restoredAt)
    return (
      <MessageBar intent="warning" data-testid="unsaved-note">
        <MessageBarBody>
          {t('drafts.restored', { time: dateTimeInWords(restoredAt, language) })}
        </MessageBarBody>
        <MessageBarActions>{discard}</MessageBarActions>
      </MessageBar>
    );
  if (!dirty) return null;
  return (
    <div className={styles.line} data-testid="unsaved-note">
      <Text className={styles.subtle}>{t('drafts.unsaved')}</Text>
      {discard}
    </div>
  );
}

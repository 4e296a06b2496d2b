import { Badge, Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n-context';

const useStyles = makeStyles({ card: { maxWidth: '48rem', marginBottom: tokens.spacingVerticalM } });

/** Honest placeholder for data whose API does not exist yet: no invented numbers. */
export function NotAvailable({ title, text }: { title: string; text?: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <Card className={styles.card} data-testid="not-available">
      <CardHeader
        header={
          <Text as="h3" weight="semibold" size={400}>
            {title}
          </Text>
        }
        action={
          <Badge appearance="tint" color="informative">
            {t('common.notAvailable')}
          </Badge>
        }
      />
      {text && <Text>{text}</Text>}
    </Card>
  );
}

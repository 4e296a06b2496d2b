import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { TabConfig } from './api/types';
import { useI18n } from './i18n/i18n-context';

const useStyles = makeStyles({ root: { padding: tokens.spacingHorizontalL } });

/** No identity came with the API call: in local mode, off to the dev sign-in page. */
export function SignInNeeded({ config, inTeams }: { config: TabConfig; inTeams: boolean }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>{t('app.needSignIn')}</MessageBarTitle>
          {config.signIn && !inTeams ? t('app.needSignInLocal') : null}
        </MessageBarBody>
      </MessageBar>
      {config.signIn && !inTeams && (
        <p>
          <Button as="a" appearance="primary" href={config.signIn}>
            {t('app.signIn')}
          </Button>
        </p>
      )}
    </main>
  );
}

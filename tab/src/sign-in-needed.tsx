import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { TabConfig } from './api/types';
import type { Host } from './host/host';
import { useI18n } from './i18n/i18n-context';

const useStyles = makeStyles({ root: { padding: tokens.spacingHorizontalL } });

/**
 * No identity came with the API call. In local mode: off to the dev sign-in page. In Teams: the
 * sign-in / consent pop-up (TeamsFx `login()`, /tab/auth-start.html), then the tab starts again.
 */
export function SignInNeeded({ config, host, reason }: { config: TabConfig; host: Host; reason?: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [failed, setFailed] = useState<string>();
  // Outside Teams, local mode's dev sign-in page (null when the server offers none).
  const localSignIn = host.inTeams ? null : config.signIn;
  const signIn = async () => {
    try {
      await host.signIn?.();
      window.location.reload();
    } catch (error) {
      setFailed((error as Error).message);
    }
  };
  return (
    <main className={styles.root}>
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>{t('app.needSignIn')}</MessageBarTitle>
          {localSignIn ? t('app.needSignInLocal') : host.signIn ? t('app.needSignInTeams') : null}
          {reason && ` ${t('app.ssoFailed', { message: reason })}`}
        </MessageBarBody>
      </MessageBar>
      {localSignIn && (
        <p>
          <Button as="a" appearance="primary" href={localSignIn}>
            {t('app.signIn')}
          </Button>
        </p>
      )}
      {host.inTeams && host.signIn && (
        <p>
          <Button appearance="primary" onClick={() => void signIn()}>
            {t('app.signInTeams')}
          </Button>
        </p>
      )}
      {failed && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('app.ssoFailed', { message: failed })}</MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}

import { useState } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Api } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n-context';
import type { Route } from '../../navigation/route';
import { MyMeetings } from './my-meetings';
import { MyNetworks } from './my-networks';
import { MyTasks } from './my-tasks';

const useStyles = makeStyles({
  intro: { color: tokens.colorNeutralForeground2, marginBottom: tokens.spacingVerticalM },
  // Side by side where there is room; one list after the other on a phone.
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 24rem), 1fr))',
    columnGap: tokens.spacingHorizontalXXXL,
    alignItems: 'start',
  },
});

/** «Mine»: the signed-in person's meetings, tasks and networks, the first view for everyone but admins and coordinators. */
export function MineView({ api, navigate }: { api: Api; navigate: (route: Route) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  // A reading marked read in «Mine oppgaver» is read in «Mine møter» too: it reads its list again.
  const [readings, setReadings] = useState(0);
  return (
    <>
      <Text block className={styles.intro}>
        {t('mine.intro')}
      </Text>
      <div className={styles.columns}>
        <MyMeetings api={api} navigate={navigate} readingsMarked={readings} />
        <MyTasks api={api} navigate={navigate} onMarkedRead={() => setReadings((n) => n + 1)} />
        <MyNetworks api={api} navigate={navigate} />
      </div>
    </>
  );
}

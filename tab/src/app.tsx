import { Link, makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import type { Api } from './api/api-client';
import { ApiError } from './api/api-client';
import type { EventView, Me, PlanResponse, TabConfig } from './api/types';
import { useLoad } from './api/use-load';
import { LoadFailed, Loading } from './components/load-state';
import { forgetDevUser } from './host/dev-user';
import type { Host } from './host/host';
import { useI18n } from './i18n/i18n-context';
import type { ViewId } from './navigation/route';
import { useRoute } from './navigation/use-route';
import { ConfigureTab } from './configure-tab';
import { SignInNeeded } from './sign-in-needed';
import { AdminView } from './views/admin/admin-view';
import { CalendarView } from './views/calendar/calendar-view';
import { ReportsView } from './views/reports/reports-view';
import { UnitsView } from './views/units/units-view';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0`,
  },
  who: { color: tokens.colorNeutralForeground2 },
  nav: { padding: `0 ${tokens.spacingHorizontalS}`, overflowX: 'auto' },
  main: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
});

/** Who is signed in, the plan, and the four views. */
export function App({ host, config, api }: { host: Host; config: TabConfig; api: Api }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [route, navigate] = useRoute(host.subPageId);
  const [me, retryMe] = useLoad(() => api.get<Me>('/api/me'), [api]);
  const [data, retryData] = useLoad(
    () =>
      Promise.all([api.get<PlanResponse>('/api/plan'), api.get<{ events: EventView[] }>('/api/events')]).then(
        ([plan, { events }]) => ({ plan, events }),
      ),
    [api],
  );

  if (me.state === 'loading') return <Loading />;
  if (me.state === 'failed') {
    if (me.error instanceof ApiError && me.error.status === 401) {
      return <SignInNeeded config={config} inTeams={host.inTeams} />;
    }
    return <LoadFailed error={me.error} retry={retryMe} />;
  }
  if (new URLSearchParams(window.location.search).get('modus') === 'konfigurer') {
    return <ConfigureTab host={host} api={api} />;
  }
  const isAdmin = me.value.roles.includes('admin');
  const views: ViewId[] = [
    'kalender',
    'enheter',
    'rapporter',
    ...(isAdmin ? (['administrasjon'] as const) : []),
  ];
  const view = views.includes(route.view) ? route.view : 'kalender';

  return (
    <>
      <header className={styles.header}>
        <Text as="h1" size={600} weight="semibold">
          {t('app.title')}
          {data.state === 'ready' ? ` · ${data.value.plan.plan.title}` : ''}
        </Text>
        <Text size={200} className={styles.who}>
          {t('app.signedInAs', { name: me.value.name ?? me.value.id })}
          {config.localMode && (
            <>
              {` (${t('app.localMode')}) · `}
              <Link href={config.signIn ?? '/dev/sign-in'} onClick={() => forgetDevUser()}>
                {t('app.switchUser')}
              </Link>
            </>
          )}
        </Text>
      </header>
      <nav className={styles.nav} aria-label={t('nav.label')}>
        <TabList selectedValue={view} onTabSelect={(_, d) => navigate({ view: d.value as ViewId })}>
          {views.map((id) => (
            <Tab key={id} value={id}>
              {t(`nav.${id}`)}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={styles.main}>
        {view === 'rapporter' ? (
          <ReportsView />
        ) : view === 'administrasjon' ? (
          <AdminView api={api} />
        ) : data.state === 'loading' ? (
          <Loading />
        ) : data.state === 'failed' ? (
          <LoadFailed error={data.error} retry={retryData} />
        ) : view === 'enheter' ? (
          <UnitsView plan={data.value.plan.plan} api={api} me={me.value} />
        ) : (
          <CalendarView
            plan={data.value.plan.plan}
            events={data.value.events}
            route={{ ...route, view }}
            navigate={navigate}
          />
        )}
      </main>
    </>
  );
}

import { Suspense, useEffect, useRef } from 'react';
import { lazyView } from './components/lazy-view';
import { Link, makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import type { Api } from './api/api-client';
import { ApiError } from './api/api-client';
import type { EventView, Me, PlanResponse, TabConfig } from './api/types';
import { useLoad } from './api/use-load';
import { LoadFailed, Loading } from './components/load-state';
import { forgetDevUser } from './host/dev-user';
import type { Host } from './host/host';
import { useI18n } from './i18n/i18n-context';
import { asksForView, type ViewId } from './navigation/route';
import { useRoute } from './navigation/use-route';
import { ConfigureTab } from './configure-tab';
import { SignInNeeded } from './sign-in-needed';
import { LanguageSwitch } from './i18n/language-switch';
import { NotificationSwitch } from './components/notification-switch';
import { CalendarView } from './views/calendar/calendar-view';
import { MineView } from './views/mine/mine-view';
import { UnitsView } from './views/units/units-view';
import { useNarrow } from './theme/use-narrow';

// Loaded when first opened, to keep the initial script small.
const ReportsView = lazyView(() => import('./views/reports/reports-view'));
const BroadcastsView = lazyView(() => import('./views/broadcasts/broadcasts-view'));
// Only admins open it, so its code is a chunk of its own, loaded when the view is.
const AdminView = lazyView(() => import('./views/admin/admin-view').then((m) => ({ default: m.AdminView })));

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0`,
  },
  // A phone keeps the header to a few short lines, so the view has the screen.
  compact: {
    gap: `0 ${tokens.spacingHorizontalS}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
  planTitle: { display: 'block' },
  who: { color: tokens.colorNeutralForeground2 },
  nav: { padding: `0 ${tokens.spacingHorizontalS}`, overflowX: 'auto' },
  // On a phone the views wrap to a second row rather than hiding off-screen.
  tabs: { flexWrap: 'wrap' },
  main: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}` },
});

/** Who is signed in, the plan, and the four views. */
export function App({ host, config, api }: { host: Host; config: TabConfig; api: Api }) {
  const { t, language, adopt } = useI18n();
  const styles = useStyles();
  const narrow = useNarrow();
  const [route, navigate] = useRoute(host.subPageId);
  // The frame stays while a switch of language loads these again: the header and its focus stay.
  const [me, retryMe] = useLoad(() => api.get<Me>('/api/me'), [api], { keepShown: true });
  // The person's one language is the server's: the tab starts in it as soon as it is known. Only
  // the first answer counts; later the header's switch saves first, then switches.
  const serverLanguage = me.state === 'ready' ? me.value.language : undefined;
  const adopted = useRef(false);
  useEffect(() => {
    if (adopted.current || !serverLanguage) return;
    adopted.current = true;
    if (serverLanguage !== language) adopt?.(serverLanguage);
  }, [serverLanguage, language, adopt]);
  const [data, retryData] = useLoad(
    () =>
      Promise.all([api.get<PlanResponse>('/api/plan'), api.get<{ events: EventView[] }>('/api/events')]).then(
        ([plan, { events }]) => ({ plan, events }),
      ),
    [api],
    { keepShown: true },
  );

  if (me.state === 'loading') return <Loading />;
  if (me.state === 'failed') {
    if (me.error instanceof ApiError && me.error.status === 401) {
      return <SignInNeeded config={config} host={host} />;
    }
    // Inside Teams a failure before any answer is the SSO token itself (e.g. consent missing).
    if (host.inTeams && !(me.error instanceof ApiError)) {
      return <SignInNeeded config={config} host={host} reason={me.error.message} />;
    }
    return <LoadFailed error={me.error} retry={retryMe} />;
  }
  if (new URLSearchParams(window.location.search).get('modus') === 'konfigurer') {
    return <ConfigureTab host={host} api={api} />;
  }
  const isAdmin = me.value.roles.includes('admin');
  const maySend = isAdmin || me.value.roles.includes('koordinator');
  const views: ViewId[] = [
    'mine',
    'kalender',
    'enheter',
    'rapporter',
    ...(maySend ? (['meldinger'] as const) : []),
    ...(isAdmin ? (['administrasjon'] as const) : []),
  ];
  // A bare address opens the person's own first view: «Mine», or the calendar for those who oversee.
  const firstView: ViewId = maySend ? 'kalender' : 'mine';
  const asked = asksForView(window.location.search, host.subPageId);
  const view = !asked ? firstView : views.includes(route.view) ? route.view : 'kalender';

  return (
    <>
      <header className={narrow ? `${styles.header} ${styles.compact}` : styles.header}>
        {narrow ? (
          <Text as="h1" size={400} weight="semibold">
            {t('app.title')}
            {data.state === 'ready' && (
              <Text size={200} weight="regular" className={styles.planTitle}>
                {data.value.plan.plan.title}
              </Text>
            )}
          </Text>
        ) : (
          <Text as="h1" size={600} weight="semibold">
            {t('app.title')}
            {data.state === 'ready' ? ` · ${data.value.plan.plan.title}` : ''}
          </Text>
        )}
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
        <LanguageSwitch />
        <NotificationSwitch api={api} />
      </header>
      <nav className={styles.nav} aria-label={t('nav.label')}>
        <TabList
          className={styles.tabs}
          selectedValue={view}
          onTabSelect={(_, d) => navigate({ view: d.value as ViewId })}
        >
          {views.map((id) => (
            <Tab key={id} value={id}>
              {id === 'mine' ? t('mine.nav') : t(`nav.${id}`)}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={styles.main}>
        {view === 'mine' ? (
          <MineView api={api} navigate={navigate} />
        ) : view === 'rapporter' ? (
          <Suspense fallback={<Loading />}>
            <ReportsView
              api={api}
              plan={data.state === 'ready' ? data.value.plan.plan : undefined}
              userId={me.value.id}
              isAdmin={isAdmin}
            />
          </Suspense>
        ) : view === 'administrasjon' ? (
          <Suspense fallback={<Loading />}>
            <AdminView api={api} onPlanChanged={retryData} />
          </Suspense>
        ) : data.state === 'loading' ? (
          <Loading />
        ) : data.state === 'failed' ? (
          <LoadFailed error={data.error} retry={retryData} />
        ) : view === 'meldinger' ? (
          <Suspense fallback={<Loading />}>
            <BroadcastsView api={api} plan={data.value.plan.plan} />
          </Suspense>
        ) : view === 'enheter' ? (
          <UnitsView plan={data.value.plan.plan} api={api} me={me.value} unit={route.unit} />
        ) : (
          <CalendarView
            api={api}
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

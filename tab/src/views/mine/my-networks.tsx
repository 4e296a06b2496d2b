import { Text } from '@fluentui/react-components';
import type { Api } from '../../api/api-client';
import { useLoad } from '../../api/use-load';
import { LoadFailed, Loading } from '../../components/load-state';
import { dateFormats } from '../../dates/format';
import { useI18n } from '../../i18n/i18n-context';
import type { Route } from '../../navigation/route';
import type { MyNetwork, MyNetworks as Answer } from './mine-types';
import { howSoon, networkReasonsOf, timesOf } from './mine-words';
import { RouteLink } from './route-link';
import { useMineStyles } from './mine-styles';

/** «Mine nettverk»: the networks she is in, why, who coordinates each, and when it meets next. */
export function MyNetworks({ api, navigate }: { api: Api; navigate: (route: Route) => void }) {
  const { t } = useI18n();
  const styles = useMineStyles();
  const [answer, reload] = useLoad(() => api.get<Answer>('/api/me/networks'), [api]);
  return (
    <section className={styles.section} aria-labelledby="mine-nettverk-tittel" data-testid="my-networks">
      <Text as="h2" id="mine-nettverk-tittel" size={500} weight="semibold" block>
        {t('mineNetworks.heading')}
      </Text>
      {answer.state === 'loading' ? (
        <Loading />
      ) : answer.state === 'failed' ? (
        <LoadFailed error={answer.error} retry={reload} />
      ) : answer.value.networks.length === 0 ? (
        <Text block className={styles.empty} data-testid="my-networks-empty">
          {t('mineNetworks.empty')}
        </Text>
      ) : (
        <ul className={styles.list} aria-labelledby="mine-nettverk-tittel">
          {answer.value.networks.map((n) => (
            <Network key={n.id} network={n} today={answer.value.today} navigate={navigate} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Network({
  network: n,
  today,
  navigate,
}: {
  network: MyNetwork;
  today: string;
  navigate: (route: Route) => void;
}) {
  const { t, language } = useI18n();
  const styles = useMineStyles();
  const formats = dateFormats(language);
  const next = n.next;
  const when = next ? formats.range(next.date, next.endDate ?? undefined) : '';
  return (
    <li className={styles.item} data-network={n.id}>
      <Text as="h3" weight="semibold">
        {n.name}
      </Text>
      {n.partOf && (
        <Text size={200} className={styles.subtle}>
          {t('mineNetworks.partOf', { name: n.partOf })}
        </Text>
      )}
      <Text size={200}>
        <span className={styles.label}>{t('mineNetworks.why')}:</span> {networkReasonsOf(n, t)}
      </Text>
      {n.coordinators.length > 0 && (
        <Text size={200}>
          <span className={styles.label}>{t('mineNetworks.coordinator')}:</span>{' '}
          {listed(n.coordinators, t('mineNetworks.and'))}
        </Text>
      )}
      <Text size={200}>
        <span className={styles.label}>{t('mineNetworks.next')}:</span>{' '}
        {next ? (
          <>
            <RouteLink
              to={{ view: 'kalender', month: next.date.slice(0, 7), event: next.eventId }}
              navigate={navigate}
              label={t('mineNetworks.openEvent', { title: next.title })}
            >
              {next.title}
            </RouteLink>
            {`, ${when} (${howSoon(next.date, today, t)}) · ${timesOf(next, t)}`}
          </>
        ) : (
          t('mineNetworks.nextNone')
        )}
      </Text>
    </li>
  );
}

function listed(names: readonly string[], and: string): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)!}`;
}

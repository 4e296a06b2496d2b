import { Select, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Api } from './api/api-client';
import type { PlanResponse } from './api/types';
import { useLoad } from './api/use-load';
import { LoadFailed, Loading } from './components/load-state';
import type { Host } from './host/host';
import { useI18n } from './i18n/i18n-context';

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '32rem',
  },
});

/**
 * The channel tab's set-up page (`/tab/?modus=konfigurer`): pick one network or unit; Teams saves a
 * tab whose calendar is filtered to it.
 */
export function ConfigureTab({ host, api }: { host: Host; api: Api }) {
  const { t } = useI18n();
  const styles = useStyles();
  const id = useId('target');
  const [target, setTarget] = useState('');
  const [plan, retry] = useLoad(() => api.get<PlanResponse>('/api/plan'), [api]);
  const options =
    plan.state === 'ready'
      ? [
          ...plan.value.plan.programmes.map((p) => ({
            key: `programme:${p.id}`,
            name: p.name,
            query: `programme=${p.id}`,
          })),
          ...plan.value.plan.units.map((u) => ({ key: `unit:${u.id}`, name: u.name, query: `unit=${u.id}` })),
        ]
      : [];
  const chosen = options.find((o) => o.key === target);
  useEffect(() => {
    host.setTabConfig(
      chosen
        ? { entityId: chosen.key, name: chosen.name, path: `/tab/?view=kalender&${chosen.query}` }
        : undefined,
    );
  }, [host, chosen?.key, chosen?.name, chosen?.query]);

  if (plan.state === 'loading') return <Loading />;
  if (plan.state === 'failed') return <LoadFailed error={plan.error} retry={retry} />;
  return (
    <main className={styles.root}>
      <Text as="h1" size={500} weight="semibold">
        {t('configure.heading')}
      </Text>
      <Text>{t(host.inTeams ? 'configure.text' : 'configure.outsideTeams')}</Text>
      <label htmlFor={id}>{t('admin.target')}</label>
      <Select id={id} value={target} onChange={(_, d) => setTarget(d.value)}>
        <option value="">–</option>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.name}
          </option>
        ))}
      </Select>
    </main>
  );
}

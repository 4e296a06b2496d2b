import { Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Api } from '../../api/api-client';
import type { PlanResponse } from '../../api/types';
import { useLoad } from '../../api/use-load';
import { useI18n } from '../../i18n/i18n-context';
import { ChannelLinks } from './channel-links';
import { PeopleAdmin } from './people-admin';
import { PlanImport } from './plan-import';
import { ReminderRulesAdmin } from './reminder-rules';
import { RollForward } from './roll-forward';

/** Admins only (the API checks every call too): channel links, people, reminder rules, the plan. */
export function AdminView({ api, onPlanChanged }: { api: Api; onPlanChanged?: () => void }) {
  const { t } = useI18n();
  // Bumped after an import, so the sections that read the plan read it again.
  const [round, setRound] = useState(0);
  const [plan] = useLoad(() => api.get<PlanResponse>('/api/plan'), [api, round]);
  // Kept while the plan reloads, so the roll-forward section (and its result) stays on screen.
  const [schoolYear, setSchoolYear] = useState<string>();
  useEffect(() => {
    if (plan.state === 'ready') setSchoolYear(plan.value.plan.schoolYear);
  }, [plan]);
  const changed = () => {
    setRound((r) => r + 1);
    onPlanChanged?.();
  };
  return (
    <section aria-labelledby="admin-tittel">
      <Text as="h2" id="admin-tittel" size={500} weight="semibold" block>
        {t('admin.heading')}
      </Text>
      <ChannelLinks api={api} />
      <PeopleAdmin api={api} />
      <ReminderRulesAdmin api={api} round={round} />
      <PlanImport api={api} onImported={changed} />
      {schoolYear && <RollForward api={api} schoolYear={schoolYear} onRolled={changed} />}
    </section>
  );
}

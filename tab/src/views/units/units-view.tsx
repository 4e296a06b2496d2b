import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Api } from '../../api/api-client';
import type { Me, PlanFile } from '../../api/types';
import { GoalsView } from './goals-view';
import { LocalPlans } from './local-plan';
import { useI18n } from '../../i18n/i18n-context';
import { SignMatrix } from './sign-matrix';
import { StatusOverview } from './status-overview';
import { useNarrow } from '../../theme/use-narrow';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  scroll: { overflowX: 'auto' },
  cards: { listStyle: 'none', margin: 0, padding: 0 },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  meta: { color: tokens.colorNeutralForeground2 },
});

/**
 * The units of the plan, their local plans and the signs-of-good-practice matrix; first, for the
 * kommunalsjef, coordinators and unit leaders, every unit's status at a glance.
 */
export function UnitsView({ plan, api, me }: { plan: PlanFile; api: Api; me?: Me }) {
  const { t } = useI18n();
  const styles = useStyles();
  const narrow = useNarrow();
  const [selected, setSelected] = useState<string>();
  const seesStatus =
    !!me && (me.roles.includes('admin') || me.roles.includes('koordinator') || me.leads.length > 0);
  // A row of the overview opens the unit's local plan: chosen, scrolled to, focused.
  const open = (unitId: string) => {
    setSelected(unitId);
    requestAnimationFrame(() => {
      const heading = document.getElementById('lokalplan-tittel');
      heading?.scrollIntoView({ block: 'start' });
      heading?.focus({ preventScroll: true });
    });
  };
  const programmes = new Map(plan.programmes.map((p) => [p.id, p.name]));
  const programmesOf = (unit: PlanFile['units'][number]) =>
    unit.programmes.map((p) => programmes.get(p) ?? p).join(', ') || '–';
  return (
    <>
      {seesStatus && <StatusOverview api={api} onOpen={open} />}
      {seesStatus && <GoalsView api={api} plan={plan} onOpen={open} />}
      <section className={styles.section} aria-labelledby="enheter-tittel">
        <Text as="h2" id="enheter-tittel" size={500} weight="semibold" block>
          {t('units.heading')}
        </Text>
        {plan.units.length === 0 ? (
          <Text block>{t('units.empty')}</Text>
        ) : narrow ? (
          // A phone gets one row per unit, each line readable, instead of a squeezed table.
          <ul className={styles.cards} aria-labelledby="enheter-tittel" data-testid="units-list">
            {plan.units.map((unit) => (
              <li key={unit.id} className={styles.card}>
                <Text weight="semibold">{unit.name}</Text>
                <Text size={200} className={styles.meta}>
                  {t(`type.${unit.type}`)} · {t(`owner.${unit.owner}`)}
                </Text>
                <Text size={200}>{programmesOf(unit)}</Text>
              </li>
            ))}
          </ul>
        ) : (
          <div className={styles.scroll}>
            <Table aria-labelledby="enheter-tittel" data-testid="units-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('units.name')}</TableHeaderCell>
                  <TableHeaderCell>{t('units.type')}</TableHeaderCell>
                  <TableHeaderCell>{t('units.owner')}</TableHeaderCell>
                  <TableHeaderCell>{t('units.programmes')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {plan.units.map((unit) => (
                  <TableRow key={unit.id}>
                    <TableCell>{unit.name}</TableCell>
                    <TableCell>{t(`type.${unit.type}`)}</TableCell>
                    <TableCell>{t(`owner.${unit.owner}`)}</TableCell>
                    <TableCell>{programmesOf(unit)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
      <LocalPlans plan={plan} api={api} me={me} selected={selected} onSelect={setSelected} />
      <SignMatrix plan={plan} api={api} />
    </>
  );
}

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
import { Button } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Api } from '../../api/api-client';
import type { Me, PlanFile } from '../../api/types';
import { GoalsView } from './goals-view';
import { LocalPlans } from './local-plan';
import { useI18n } from '../../i18n/i18n-context';
import { SignMatrix } from './sign-matrix';
import { StatusOverview } from './status-overview';
import { useNarrow } from '../../theme/use-narrow';

/** Units listed before «Vis alle». */
const UNITS_SHOWN = 50;

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
export function UnitsView({
  plan,
  api,
  me,
  unit,
}: {
  plan: PlanFile;
  api: Api;
  me?: Me;
  /** A unit the address names (a link from «Mine oppgaver»): its local plan is opened. */
  unit?: string | undefined;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const narrow = useNarrow();
  const named = plan.units.some((u) => u.id === unit) ? unit : undefined;
  const [selected, setSelected] = useState<string | undefined>(named);
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
  const [showAll, setShowAll] = useState(false);
  // Drawing 800 Fluent rows took seconds; the first ones and a button to see the rest are enough.
  const listed = showAll ? plan.units : plan.units.slice(0, UNITS_SHOWN);
  useEffect(() => {
    if (named) open(named);
    // Only when the address names another unit, not on every render.
  }, [named]);
  const programmes = new Map(plan.programmes.map((p) => [p.id, p.name]));
  const programmesOf = (unit: PlanFile['units'][number]) =>
    unit.programmes.map((p) => programmes.get(p) ?? p).join(', ') || '–';
  return (
    <>
      {seesStatus && <StatusOverview api={api} onOpen={open} />}
      {seesStatus && <GoalsView api={api} plan={plan} onOpen={open} />}
      {/* The overview lists every unit already; the plain list is for those who do not get it. */}
      {!seesStatus && (
        <section className={styles.section} aria-labelledby="enheter-tittel">
          <Text as="h2" id="enheter-tittel" size={500} weight="semibold" block>
            {t('units.heading')}
          </Text>
          {plan.units.length === 0 ? (
            <Text block>{t('units.empty')}</Text>
          ) : narrow ? (
            // A phone gets one row per unit, each line readable, instead of a squeezed table.
            <ul className={styles.cards} aria-labelledby="enheter-tittel" data-testid="units-list">
              {listed.map((unit) => (
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
                  {listed.map((unit) => (
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
          {listed.length < plan.units.length && (
            <Button onClick={() => setShowAll(true)}>
              {t('units.showAll', { count: plan.units.length })}
            </Button>
          )}
        </section>
      )}
      <LocalPlans plan={plan} api={api} me={me} selected={selected} onSelect={setSelected} />
      <SignMatrix plan={plan} api={api} />
    </>
  );
}

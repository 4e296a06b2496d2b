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
import type { Api } from '../../api/api-client';
import type { Me, PlanFile } from '../../api/types';
import { LocalPlans } from './local-plan';
import { useI18n } from '../../i18n/i18n-context';
import { SignMatrix } from './sign-matrix';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  scroll: { overflowX: 'auto' },
});

/** The units of the plan, their local plans and the signs-of-good-practice matrix. */
export function UnitsView({ plan, api, me }: { plan: PlanFile; api: Api; me?: Me }) {
  const { t } = useI18n();
  const styles = useStyles();
  const programmes = new Map(plan.programmes.map((p) => [p.id, p.name]));
  return (
    <>
      <section className={styles.section} aria-labelledby="enheter-tittel">
        <Text as="h2" id="enheter-tittel" size={500} weight="semibold" block>
          {t('units.heading')}
        </Text>
        {plan.units.length === 0 ? (
          <Text block>{t('units.empty')}</Text>
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
                    <TableCell>
                      {unit.programmes.map((p) => programmes.get(p) ?? p).join(', ') || '–'}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
      <LocalPlans plan={plan} api={api} me={me} />
      <SignMatrix plan={plan} />
    </>
  );
}

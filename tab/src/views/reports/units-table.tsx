import {
  Badge,
  Button,
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
import type { CampaignOverview, UnitStatus } from '../../api/view-types';
import { formatInstant } from '../../dates/instant';
import { useI18n } from '../../i18n/i18n-context';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXL },
  scroll: { overflowX: 'auto' },
});

const COLOUR = { sendt: 'success', utkast: 'warning', mangler: 'danger' } as const;

/** Every unit the caller may see in the campaign, its status, and a button to open its report. */
export function UnitsTable({
  campaign,
  onOpen,
}: {
  campaign: CampaignOverview;
  onOpen: (unit: UnitStatus) => void;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="enhetsrapporter-tittel">
      <Text as="h3" id="enhetsrapporter-tittel" size={400} weight="semibold" block>
        {t('reports.units')}
      </Text>
      <div className={styles.scroll}>
        <Table aria-labelledby="enhetsrapporter-tittel" data-testid="report-units">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('units.name')}</TableHeaderCell>
              <TableHeaderCell>{t('units.type')}</TableHeaderCell>
              <TableHeaderCell>{t('reports.status')}</TableHeaderCell>
              <TableHeaderCell>{t('reports.version')}</TableHeaderCell>
              <TableHeaderCell>{t('reports.submittedAt')}</TableHeaderCell>
              <TableHeaderCell>{t('reports.report')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {campaign.units.map((u) => (
              <TableRow key={u.unitId}>
                <TableCell>{u.name}</TableCell>
                <TableCell>{t(`type.${u.type}` as 'type.annet')}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={COLOUR[u.status]}>
                    {t(`reports.status.${u.status}`)}
                  </Badge>
                  {u.late ? ` ${t('reports.late')}` : ''}
                </TableCell>
                <TableCell>{u.version || '–'}</TableCell>
                <TableCell>{u.submittedAt ? formatInstant(u.submittedAt, language) : '–'}</TableCell>
                <TableCell>
                  <Button
                    size="small"
                    disabled={u.status === 'mangler'}
                    onClick={() => onOpen(u)}
                    aria-label={t('reports.openFor', { name: u.name })}
                  >
                    {t('reports.open')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}

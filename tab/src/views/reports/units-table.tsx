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
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import type { CampaignOverview, UnitStatus } from '../../api/view-types';
import { formatInstant } from '../../dates/instant';
import { useI18n } from '../../i18n/i18n-context';
import { useNarrow } from '../../theme/use-narrow';
import { reportState } from './report-state';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXL },
  scroll: { overflowX: 'auto' },
  cards: { listStyle: 'none', margin: 0, padding: 0 },
  card: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  text: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    flex: '1 1 12rem',
    minWidth: 0,
  },
  name: { overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
  // The badge grows with its text instead of letting it spill over its edge.
  badge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal' },
});

const COLOUR = {
  sendt: 'success',
  utkast: 'warning',
  mangler: 'danger',
  'ikke-spurt': 'informative',
} as const;

/**
 * When the version shown was sent in: its own save, not the first submission (which the server
 * keeps in `submittedAt` for lateness); nothing for a draft or a missing report.
 */
export const sentAt = (u: UnitStatus): string | null =>
  u.status === 'sendt' ? (u.savedAt ?? u.submittedAt) : null;

/**
 * Every unit the caller may see in the campaign, its status, and a button to open its report: a
 * table, or on a phone one row per unit.
 */
export function UnitsTable({
  campaign,
  onOpen,
}: {
  campaign: CampaignOverview;
  onOpen: (unit: UnitStatus) => void;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const narrow = useNarrow();
  // Where focus goes back when the report's dialog closes (it is no DialogTrigger).
  const restoreFocus = useRestoreFocusTarget();
  const badge = (u: UnitStatus) => (
    <Badge appearance="tint" color={COLOUR[reportState(u)]} className={styles.badge}>
      {t(`reports.status.${reportState(u)}`)}
    </Badge>
  );
  const open = (u: UnitStatus) => (
    <Button
      size="small"
      disabled={u.status === 'mangler'}
      onClick={() => onOpen(u)}
      {...restoreFocus}
      aria-label={t('reports.openFor', { name: u.name })}
    >
      {t('reports.open')}
    </Button>
  );
  return (
    <section className={styles.section} aria-labelledby="enhetsrapporter-tittel">
      <Text as="h3" id="enhetsrapporter-tittel" size={400} weight="semibold" block>
        {t('reports.units')}
      </Text>
      {narrow ? (
        <ul className={styles.cards} aria-labelledby="enhetsrapporter-tittel" data-testid="report-units">
          {campaign.units.map((u) => {
            const at = sentAt(u);
            return (
              <li key={u.unitId} className={styles.card}>
                <div className={styles.text}>
                  <Text weight="semibold" className={styles.name}>
                    {u.name}
                  </Text>
                  <Text size={200} className={styles.meta}>
                    {[
                      t(`type.${u.type}` as 'type.annet'),
                      u.version ? `${t('reports.version')} ${u.version}` : '',
                      at ? `${t('reports.submittedAt')} ${formatInstant(at, language)}` : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                  <span>
                    {badge(u)}
                    {u.late ? ` ${t('reports.late')}` : ''}
                  </span>
                </div>
                {open(u)}
              </li>
            );
          })}
        </ul>
      ) : (
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
                    {badge(u)}
                    {u.late ? ` ${t('reports.late')}` : ''}
                  </TableCell>
                  <TableCell>{u.version || '–'}</TableCell>
                  <TableCell>{sentAt(u) ? formatInstant(sentAt(u)!, language) : '–'}</TableCell>
                  <TableCell>{open(u)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

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
import type { CampaignOverview } from '../../api/view-types';
import { dateFormats } from '../../dates/format';
import { useI18n } from '../../i18n/i18n-context';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXL, maxWidth: '48rem' },
  rate: { display: 'block', margin: `${tokens.spacingVerticalS} 0` },
  missing: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalXL },
});

const percent = (rate: number) => `${Math.round(rate * 100)} %`;

/** «A», «A og B», «A, B og C». */
const listNames = (names: readonly string[], and: string) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;

/** A campaign's dates, response rate overall and per unit type, and the units still missing. */
export function CampaignSummary({ campaign }: { campaign: CampaignOverview }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const formats = dateFormats(language);
  const missing = campaign.units.filter((u) => u.status !== 'sendt');
  const r = campaign.responseRate;
  return (
    <section className={styles.section} aria-labelledby="svar-tittel" data-testid="campaign-summary">
      <Text as="h3" id="svar-tittel" size={400} weight="semibold" block>
        {t('reports.responseRate')}
      </Text>
      <Text block>
        {t('reports.period', {
          opens: formats.long(campaign.opens),
          deadline: formats.long(campaign.deadline),
        })}
      </Text>
      <Text className={styles.rate} size={500} weight="semibold" data-testid="response-rate">
        {t('reports.rate', { submitted: r.submitted, expected: r.expected, percent: percent(r.rate) })}
      </Text>
      <Table aria-label={t('reports.byType')} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('units.type')}</TableHeaderCell>
            <TableHeaderCell>{t('reports.submitted')}</TableHeaderCell>
            <TableHeaderCell>{t('reports.share')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {Object.entries(campaign.byType).map(([type, rate]) => (
            <TableRow key={type}>
              <TableCell>{t(`type.${type}` as 'type.annet')}</TableCell>
              <TableCell>
                {t('reports.ofExpected', { submitted: rate.submitted, expected: rate.expected })}
              </TableCell>
              <TableCell>{percent(rate.rate)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text as="h4" weight="semibold" block style={{ marginTop: tokens.spacingVerticalM }}>
        {t('reports.missing', { count: missing.length })}
      </Text>
      {missing.length === 0 ? (
        <Text block>{t('reports.noneMissing')}</Text>
      ) : (
        <ul className={styles.missing} data-testid="missing-units">
          {missing.map((u) => (
            <li key={u.unitId}>
              {u.name}
              {u.status === 'utkast' ? ` (${t('reports.status.utkast').toLowerCase()})` : ''}
            </li>
          ))}
        </ul>
      )}
      {campaign.unreached.length > 0 && (
        <>
          <Text as="h4" weight="semibold" block style={{ marginTop: tokens.spacingVerticalM }}>
            {t('reports.unreached', { count: campaign.unreached.length })}
          </Text>
          <ul className={styles.missing} data-testid="unreached-units">
            {campaign.unreached.map((u) => (
              <li key={u.unitId}>
                {u.name}:{' '}
                {t(`reports.unreached.${u.reason}`, { names: listNames(u.leaders, t('reports.and')) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

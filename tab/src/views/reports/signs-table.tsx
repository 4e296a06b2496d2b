import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CampaignOverview, Overview } from '../../api/view-types';
import { useI18n } from '../../i18n/i18n-context';
import { periodName } from './campaign-title';

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXL },
  scroll: {
    overflowX: 'auto',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    textAlign: 'start',
    verticalAlign: 'top',
  },
  sign: { minWidth: '16rem', maxWidth: '28rem', fontWeight: tokens.fontWeightRegular },
  number: { textAlign: 'end' },
  trend: { whiteSpace: 'nowrap' },
});

type Counts = { ja: number; delvis: number; nei: number };
const jaShare = (c: Counts) => {
  const total = c.ja + c.delvis + c.nei;
  return total === 0 ? undefined : c.ja / total;
};

/**
 * Each sign of good practice in the campaign: how many units answered ja / delvis / nei, and
 * the same across the half-year periods so far, with whether the share of «ja» went up or down.
 */
export function SignsTable({ campaign, trend }: { campaign: CampaignOverview; trend: Overview['trend'] }) {
  const { t } = useI18n();
  const styles = useStyles();
  const periods = new Map(trend.map((s) => [s.signId, s.periods]));
  const pictures = [...new Set(campaign.signs.map((s) => s.picture))];
  const direction = (signId: string) => {
    const list = periods.get(signId) ?? [];
    const at = list.findIndex((p) => p.campaignId === campaign.id);
    const now = at >= 0 ? jaShare(list[at]!) : undefined;
    const before = at > 0 ? jaShare(list[at - 1]!) : undefined;
    if (now === undefined || before === undefined) return t('reports.trend.none');
    return now > before
      ? t('reports.trend.up')
      : now < before
        ? t('reports.trend.down')
        : t('reports.trend.same');
  };
  return (
    <section className={styles.section} aria-labelledby="tegn-tittel" data-testid="report-signs">
      <Text as="h3" id="tegn-tittel" size={400} weight="semibold" block>
        {t('reports.signs')}
      </Text>
      <Text as="p" block>
        {t('reports.signsIntro')}
      </Text>
      {campaign.signs.length === 0 && <Text block>{t('units.matrixEmpty')}</Text>}
      {pictures.map((picture) => (
        <div key={picture}>
          <Text as="h4" weight="semibold" block>
            {picture}
          </Text>
          <div
            className={styles.scroll}
            role="region"
            tabIndex={0}
            aria-label={t('units.matrixRegion', { title: picture })}
          >
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col" className={`${styles.cell} ${styles.sign}`}>
                    {t('units.sign')}
                  </th>
                  <th scope="col" className={styles.cell}>
                    {t('reports.answer.ja')}
                  </th>
                  <th scope="col" className={styles.cell}>
                    {t('reports.answer.delvis')}
                  </th>
                  <th scope="col" className={styles.cell}>
                    {t('reports.answer.nei')}
                  </th>
                  <th scope="col" className={styles.cell}>
                    {t('reports.trend')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {campaign.signs
                  .filter((s) => s.picture === picture)
                  .map((s) => (
                    <tr key={s.signId} data-sign-id={s.signId}>
                      <th scope="row" className={`${styles.cell} ${styles.sign}`}>
                        {s.text}
                      </th>
                      <td className={`${styles.cell} ${styles.number}`}>{s.ja}</td>
                      <td className={`${styles.cell} ${styles.number}`}>{s.delvis}</td>
                      <td className={`${styles.cell} ${styles.number}`}>{s.nei}</td>
                      <td className={`${styles.cell} ${styles.trend}`}>
                        <div>{direction(s.signId)}</div>
                        {(periods.get(s.signId) ?? []).map((p) => (
                          <div key={p.campaignId}>
                            {t('reports.trend.period', {
                              period: capitalised(periodName(p.campaignId, t)),
                              ja: p.ja,
                              delvis: p.delvis,
                              nei: p.nei,
                            })}
                          </div>
                        ))}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </section>
  );
}

import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PlanFile } from '../../api/types';
import { useI18n } from '../../i18n/i18n-context';

const useStyles = makeStyles({
  intro: { maxWidth: '48rem', marginBottom: tokens.spacingVerticalM },
  picture: { marginBottom: tokens.spacingVerticalXL },
  scroll: {
    // Positioned, so the visually hidden cell texts stay inside the scrolling box instead of
    // widening the page on a phone.
    position: 'relative',
    overflowX: 'auto',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  sign: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    minWidth: '16rem',
    maxWidth: '28rem',
    padding: tokens.spacingHorizontalXS,
  },
  unit: { fontWeight: tokens.fontWeightSemibold, padding: tokens.spacingHorizontalXS, minWidth: '6rem' },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
  cell: {
    textAlign: 'center',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    padding: tokens.spacingHorizontalXS,
  },
});

/**
 * Units against the signs of good practice of each future picture that applies to them. Answers
 * come from half-year reports, which do not exist yet: every cell says so instead of guessing.
 */
export function SignMatrix({ plan }: { plan: PlanFile }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <section aria-labelledby="matrise-tittel" data-testid="sign-matrix">
      <Text as="h2" id="matrise-tittel" size={500} weight="semibold" block>
        {t('units.matrix')}
      </Text>
      <Text as="p" block className={styles.intro}>
        {t('units.matrixIntro')}
      </Text>
      {plan.futurePictures.length === 0 && <Text block>{t('units.matrixEmpty')}</Text>}
      {plan.futurePictures.map((picture) => {
        const units = plan.units.filter((u) => picture.appliesTo.includes(u.type));
        return (
          <div key={picture.id} className={styles.picture}>
            <Text as="h3" size={400} weight="semibold" block>
              {picture.title}
            </Text>
            <div
              className={styles.scroll}
              role="region"
              tabIndex={0}
              aria-label={t('units.matrixRegion', { title: picture.title })}
            >
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th scope="col" className={styles.sign}>
                      {t('units.sign')}
                    </th>
                    {units.map((u) => (
                      <th key={u.id} scope="col" className={styles.unit}>
                        {u.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {picture.signs.map((sign) => (
                    <tr key={sign.id}>
                      <th scope="row" className={styles.sign}>
                        {sign.text}
                      </th>
                      {units.map((u) => (
                        <td key={u.id} className={styles.cell} title={t('units.noAnswer')}>
                          <span aria-hidden="true">–</span>
                          <span className={styles.hidden}>{t('units.noAnswer')}</span>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </section>
  );
}

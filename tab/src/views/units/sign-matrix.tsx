import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Api } from '../../api/api-client';
import type { PlanFile } from '../../api/types';
import type { SignMatrix as Answers } from '../../api/view-types';
import { useLoad } from '../../api/use-load';
import { LoadFailed, Loading } from '../../components/load-state';
import { useI18n } from '../../i18n/i18n-context';
import { periodName } from '../reports/campaign-title';

const useStyles = makeStyles({
  intro: { maxWidth: '48rem', marginBottom: tokens.spacingVerticalM },
  period: { maxWidth: '16rem', marginBottom: tokens.spacingVerticalS },
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
    padding: tokens.spacingHorizontalXS,
  },
  empty: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  ja: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  delvis: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  nei: { backgroundColor: tokens.colorPaletteRedBackground1 },
  answer: { fontWeight: tokens.fontWeightSemibold },
  previous: { display: 'block', color: tokens.colorNeutralForeground2 },
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalS,
  },
});

/**
 * Unit columns drawn at a time. A large municipality's picture applies to 500 kindergartens:
 * 10,000 cells at once took the view seconds to draw and nobody reads them side by side.
 */
export const MATRIX_PAGE = 20;

// The colour is never alone: each answer has its word and its sign.
const MARK = { ja: '✓', delvis: '◐', nei: '✗' } as const;

/**
 * Units against the signs of good practice of each future picture that applies to them, filled
 * from the units' submitted half-year reports for the period chosen, with the period before
 * under each answer. An empty cell says that the sign is not answered.
 */
export function SignMatrix({ plan, api }: { plan: PlanFile; api: Api }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [period, setPeriod] = useState<string>();
  const path = `/api/status/signs${period ? `?period=${encodeURIComponent(period)}` : ''}`;
  const [data, reload] = useLoad(() => api.get<Answers>(path), [api, path]);
  const heading = (
    <>
      <Text as="h2" id="matrise-tittel" size={500} weight="semibold" block>
        {t('units.matrix')}
      </Text>
      <Text as="p" block className={styles.intro}>
        {t('units.matrixIntro')}
      </Text>
    </>
  );
  if (data.state !== 'ready')
    return (
      <section aria-labelledby="matrise-tittel">
        {heading}
        {data.state === 'loading' ? <Loading /> : <LoadFailed error={data.error} retry={reload} />}
      </section>
    );
  const answers = data.value;
  return (
    <section aria-labelledby="matrise-tittel" data-testid="sign-matrix">
      {heading}
      {answers.period ? (
        <>
          <Field label={t('units.period')} className={styles.period}>
            <Select value={answers.period} onChange={(_, d) => setPeriod(d.value)}>
              {answers.periods.map((p) => (
                <option key={p} value={p}>
                  {periodName(p, t)}
                </option>
              ))}
            </Select>
          </Field>
          <Text as="p" block className={styles.intro}>
            {answers.previous
              ? t('units.matrixPeriods', {
                  period: periodName(answers.period, t),
                  previous: periodName(answers.previous, t),
                })
              : t('units.matrixPeriod', { period: periodName(answers.period, t) })}
          </Text>
        </>
      ) : (
        <Text as="p" block className={styles.intro}>
          {t('units.periodNone')}
        </Text>
      )}
      {plan.futurePictures.length === 0 && <Text block>{t('units.matrixEmpty')}</Text>}
      {plan.futurePictures.map((picture) => (
        <PictureMatrix key={picture.id} plan={plan} picture={picture} answers={answers} />
      ))}
    </section>
  );
}

/** One future picture's signs against its units, a page of units at a time, by unit type when it has several. */
function PictureMatrix({
  plan,
  picture,
  answers,
}: {
  plan: PlanFile;
  picture: PlanFile['futurePictures'][number];
  answers: Answers;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [type, setType] = useState('');
  const [page, setPage] = useState(0);
  const byUnit = new Map(answers.units.map((u) => [u.unitId, u]));
  const word = (answer: 'ja' | 'delvis' | 'nei' | undefined) =>
    answer ? t(`units.answer.${answer}`) : t('units.noAnswer');
  const all = plan.units.filter((u) => picture.appliesTo.includes(u.type));
  const types = [...new Set(all.map((u) => u.type))];
  const chosen = type ? all.filter((u) => u.type === type) : all;
  const pages = Math.max(1, Math.ceil(chosen.length / MATRIX_PAGE));
  const shown = Math.min(page, pages - 1);
  const units = chosen.slice(shown * MATRIX_PAGE, (shown + 1) * MATRIX_PAGE);
  return (
    <div className={styles.picture}>
      <Text as="h3" size={400} weight="semibold" block>
        {picture.title}
      </Text>
      {all.length > MATRIX_PAGE && (
        <div className={styles.controls}>
          {types.length > 1 && (
            <Field label={t('units.matrixType')}>
              <Select
                value={type}
                onChange={(_, d) => {
                  setType(d.value);
                  setPage(0);
                }}
              >
                <option value="">{t('units.matrixAllTypes', { count: all.length })}</option>
                {types.map((ty) => (
                  <option key={ty} value={ty}>
                    {t(`type.${ty}`)} ({all.filter((u) => u.type === ty).length})
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Button disabled={shown === 0} onClick={() => setPage(shown - 1)}>
            {t('units.matrixPrevious')}
          </Button>
          <Text aria-live="polite">
            {t('units.matrixShowing', {
              from: shown * MATRIX_PAGE + 1,
              to: shown * MATRIX_PAGE + units.length,
              count: chosen.length,
            })}
          </Text>
          <Button disabled={shown >= pages - 1} onClick={() => setPage(shown + 1)}>
            {t('units.matrixNext')}
          </Button>
        </div>
      )}
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
                {units.map((u) => {
                  const unit = byUnit.get(u.id);
                  const now = unit?.answers[sign.id];
                  const before = unit?.previous[sign.id];
                  return (
                    <td
                      key={u.id}
                      className={`${styles.cell} ${now ? styles[now] : ''}`}
                      data-unit={u.id}
                      data-sign={sign.id}
                      data-answer={now ?? ''}
                    >
                      {now ? (
                        <span className={styles.answer}>
                          <span aria-hidden="true">{MARK[now]} </span>
                          {word(now)}
                        </span>
                      ) : (
                        <span className={styles.empty}>{t('units.noAnswer')}</span>
                      )}
                      {answers.previous && (
                        <span
                          className={styles.previous}
                          title={t('units.previousFull', {
                            period: periodName(answers.previous, t),
                            answer: word(before),
                          })}
                        >
                          <span aria-hidden="true">{t('units.previous', { answer: word(before) })}</span>
                          <span className={styles.hidden}>
                            {t('units.previousFull', {
                              period: periodName(answers.previous, t),
                              answer: word(before),
                            })}
                          </span>
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

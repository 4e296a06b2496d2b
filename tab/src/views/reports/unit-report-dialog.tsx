import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
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
import { Fragment, type ReactNode } from 'react';
import type { Api } from '../../api/api-client';
import type { CampaignOverview, Report, UnitHistory } from '../../api/view-types';
import { useLoad } from '../../api/use-load';
import { LoadFailed, Loading } from '../../components/load-state';
import { dateFormats } from '../../dates/format';
import { formatInstant } from '../../dates/instant';
import { useI18n } from '../../i18n/i18n-context';
import { savedLine } from './saved-line';

const useStyles = makeStyles({
  list: { margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalM },
  value: { marginInlineStart: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  history: { marginTop: tokens.spacingVerticalL },
  picture: { marginTop: tokens.spacingVerticalM },
  signText: { marginTop: tokens.spacingVerticalS },
  actions: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  actionText: { whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
});

interface Props {
  api: Api;
  campaign: CampaignOverview;
  campaignId: string;
  unitId: string;
  name: string;
  onClose: () => void;
}

/** One unit's report in a campaign: what it says now, and every version (who, when). */
export function UnitReportDialog({ api, campaign, campaignId, unitId, name, onClose }: Props) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const [data, reload] = useLoad(
    () =>
      api.get<UnitHistory>(
        `/api/reports/${encodeURIComponent(campaignId)}/units/${encodeURIComponent(unitId)}`,
      ),
    [api, campaignId, unitId],
  );
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t('reports.dialogTitle', { name, campaign: campaign.title })}</DialogTitle>
          {/* Focusable, so the report scrolls by keyboard where it is taller than the screen. */}
          <DialogContent
            data-testid="unit-report"
            tabIndex={0}
            role="region"
            aria-label={t('reports.dialogTitle', { name, campaign: campaign.title })}
          >
            {data.state === 'loading' ? (
              <Loading />
            ) : data.state === 'failed' ? (
              <LoadFailed error={data.error} retry={reload} />
            ) : (
              <>
                {data.value.report && (
                  // Who saved it when: an edited report says when it was changed, and by whom.
                  <Text block data-testid="unit-report-saved">
                    {savedLine(data.value.report, t, language)}
                  </Text>
                )}
                {data.value.report ? (
                  <ReportContent report={data.value.report} campaign={campaign} />
                ) : (
                  <Text block>{t('reports.noReport')}</Text>
                )}
                <Text as="h3" weight="semibold" block className={styles.history}>
                  {t('reports.history')}
                </Text>
                <Table size="small" aria-label={t('reports.history')} data-testid="report-history">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t('reports.version')}</TableHeaderCell>
                      <TableHeaderCell>{t('reports.status')}</TableHeaderCell>
                      <TableHeaderCell>{t('reports.savedBy')}</TableHeaderCell>
                      <TableHeaderCell>{t('reports.savedAt')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {[...data.value.history].reverse().map((v) => (
                      <TableRow key={v.version}>
                        <TableCell>{v.version}</TableCell>
                        <TableCell>{t(`reports.status.${v.status}`)}</TableCell>
                        <TableCell>{v.savedByName || v.savedBy}</TableCell>
                        <TableCell>{formatInstant(v.savedAt, language)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t('event.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function ReportContent({ report, campaign }: { report: Report; campaign: CampaignOverview }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const dates = dateFormats(language);
  const c = report.content;
  // Each part a heading over its text; what is empty is left out.
  const row = (term: string, value: ReactNode, key?: string) =>
    value ? (
      <Fragment key={key ?? term}>
        <dt className={styles.term}>{term}</dt>
        <dd className={styles.value}>{value}</dd>
      </Fragment>
    ) : null;
  if (campaign.kind === 'forespørsel') {
    const questions = new Map(campaign.answers.map((a) => [a.questionId, a.question]));
    return (
      <dl className={styles.list}>
        {Object.entries(c.answers).map(([id, answer]) => row(questions.get(id) ?? id, answer, id))}
      </dl>
    );
  }
  // The signs under their future picture, in the plan's order, each text over its answer.
  const pictures = new Map<string, CampaignOverview['signs']>();
  for (const sign of campaign.signs)
    if (c.signs[sign.signId]) pictures.set(sign.picture, [...(pictures.get(sign.picture) ?? []), sign]);
  return (
    <>
      <dl className={styles.list}>
        {row(t('reports.kartlegging'), c.kartlegging)}
        {row(t('reports.analyse'), c.analyse)}
        {row(t('reports.mal'), c.mal)}
        {row(
          t('reports.handling'),
          c.actions.length > 0 && (
            <ul className={styles.actions}>
              {c.actions.map((action, i) => (
                <li key={action.id ?? i}>
                  <span className={styles.actionText}>{action.text}</span>
                  <Text block size={200}>
                    {[
                      action.deadline && t('reports.handlingFrist', { date: dates.long(action.deadline) }),
                      t('reports.handlingStatus', { status: t(`localPlan.status.${action.status}`) }),
                      action.responsible && `${t('localPlan.responsible')}: ${action.responsible}`,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </li>
              ))}
            </ul>
          ),
        )}
        {row(t('reports.tidsressurser'), c.tidsressurser)}
        {row(t('reports.fritekst'), c.fritekst)}
      </dl>
      {pictures.size > 0 && (
        <section data-testid="report-signs">
          <Text as="h3" weight="semibold" block className={styles.history}>
            {t('reports.signs')}
          </Text>
          {[...pictures].map(([picture, signs]) => (
            <Fragment key={picture}>
              <Text as="h4" weight="semibold" block className={styles.picture}>
                {picture}
              </Text>
              <dl className={styles.list}>
                {signs.map((sign) => {
                  const answer = c.signs[sign.signId]!;
                  return (
                    <Fragment key={sign.signId}>
                      <dt className={styles.signText}>{sign.text}</dt>
                      <dd className={styles.value}>
                        <Text weight="semibold">
                          {answer.answer ? t(`reports.answer.${answer.answer}`) : '–'}
                        </Text>
                        {answer.comment && <Text block>{answer.comment}</Text>}
                      </dd>
                    </Fragment>
                  );
                })}
              </dl>
            </Fragment>
          ))}
        </section>
      )}
    </>
  );
}

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
import { formatInstant } from '../../dates/instant';
import { useI18n } from '../../i18n/i18n-context';

const useStyles = makeStyles({
  list: { margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalM },
  value: { marginInlineStart: 0, whiteSpace: 'pre-line' },
  history: { marginTop: tokens.spacingVerticalL },
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
  const { t } = useI18n();
  const styles = useStyles();
  const c = report.content;
  const row = (term: string, value: ReactNode) => (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{value || '–'}</dd>
    </>
  );
  if (campaign.kind === 'forespørsel') {
    const questions = new Map(campaign.answers.map((a) => [a.questionId, a.question]));
    return (
      <dl className={styles.list}>
        {Object.entries(c.answers).map(([id, answer]) => (
          <Fragment key={id}>{row(questions.get(id) ?? id, answer)}</Fragment>
        ))}
      </dl>
    );
  }
  const signs = new Map(campaign.signs.map((s) => [s.signId, s.text]));
  return (
    <dl className={styles.list}>
      {row(t('reports.kartlegging'), c.kartlegging)}
      {row(t('reports.analyse'), c.analyse)}
      {row(t('reports.mal'), c.mal)}
      {row(
        t('reports.handling'),
        c.actions
          .map((action) =>
            [
              action.text,
              action.deadline && t('reports.handlingFrist', { date: action.deadline }),
              t('reports.handlingStatus', { status: t(`localPlan.status.${action.status}`) }),
              action.responsible,
            ]
              .filter(Boolean)
              .join(' · '),
          )
          .join('\n'),
      )}
      {row(
        t('reports.signs'),
        Object.entries(c.signs)
          .map(
            ([id, s]) =>
              `${signs.get(id) ?? id}: ${s.answer ? t(`reports.answer.${s.answer}`) : '–'}${s.comment ? ` (${s.comment})` : ''}`,
          )
          .join('\n'),
      )}
      {row(t('reports.tidsressurser'), c.tidsressurser)}
      {row(t('reports.fritekst'), c.fritekst)}
    </dl>
  );
}

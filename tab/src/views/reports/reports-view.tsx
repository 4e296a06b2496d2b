import {
  Button,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Api } from '../../api/api-client';
import { ApiError } from '../../api/api-client';
import type { Overview } from '../../api/view-types';
import { useLoad } from '../../api/use-load';
import { LoadFailed, Loading } from '../../components/load-state';
import { useFocusWhenShown } from '../../components/focus-when-shown';
import { useI18n } from '../../i18n/i18n-context';
import { CampaignProgressPanel } from './campaign-admin/campaign-progress';
import { NewCampaign } from './campaign-admin/new-campaign';
import { CampaignSummary } from './campaign-summary';
import { campaignTitle } from './campaign-title';
import { CsvDownload } from './csv-download';
import { MyReports } from './my-reports';
import type { PlanFile } from '../../api/types';
import { SignsTable } from './signs-table';
import { UnitReportDialog } from './unit-report-dialog';
import { UnitsTable } from './units-table';
import { WordDownload } from './word-download';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalL,
    margin: `${tokens.spacingVerticalM} 0`,
  },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '16rem' },
});

/**
 * Half-year reports and other requests, per campaign: response rate, units still missing, each
 * unit's report with its versions, signs of good practice with their trend, CSV export, and for
 * the kommunalsjef the half-year report as a Word document. The API decides what the caller
 * sees (admins and coordinators every unit, leaders their own).
 */
export default function ReportsView({
  api,
  plan,
  userId,
  isAdmin = false,
}: {
  api: Api;
  plan?: PlanFile | undefined;
  /** Who is signed in, whose unsaved report text the session keeps. */
  userId: string;
  isAdmin?: boolean;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const campaignField = useId('runde');
  const [chosen, setChosen] = useState<string>();
  const [open, setOpen] = useState<{ campaignId: string; unitId: string; name: string }>();
  const [creating, setCreating] = useState(false);
  const [sentMessage, setSentMessage] = useState<string>();
  // «Send nå» and its form are gone once it is sent: the answer takes the keyboard.
  const sentFocus = useFocusWhenShown<HTMLDivElement>();
  const [loaded, reload] = useLoad(() => api.get<Overview>('/api/reports/overview'), [api]);
  // Saves in the page's own report form (the kommunalsjef may lead a unit too): the admin's
  // progress reads them at once and has the overview follow; anyone else's overview is read again.
  const [saves, setSaves] = useState(0);
  const formSaved = () => {
    setSaves((n) => n + 1);
    if (!isAdmin) reload();
  };
  // A reload after an admin's change keeps the view (and its live progress) in place meanwhile.
  const [last, setLast] = useState<Overview>();
  useEffect(() => {
    if (loaded.state === 'ready') setLast(loaded.value);
  }, [loaded]);
  const overview = loaded.state === 'loading' && last ? { state: 'ready' as const, value: last } : loaded;

  const heading = (
    <Text as="h2" id="rapporter-tittel" size={500} weight="semibold" block>
      {t('reports.heading')}
    </Text>
  );
  if (overview.state === 'loading') return <Loading />;
  if (overview.state === 'failed') {
    const refused = overview.error instanceof ApiError && overview.error.status === 403;
    return (
      <section aria-labelledby="rapporter-tittel">
        {heading}
        <MyReports api={api} plan={plan} userId={userId} onSaved={formSaved} />
        {refused ? (
          <MessageBar intent="info">
            <MessageBarBody>{overview.error.message}</MessageBarBody>
          </MessageBar>
        ) : (
          <LoadFailed error={overview.error} retry={reload} />
        )}
      </section>
    );
  }
  // Newest campaign first: half-year ids sort by period, others by when they open.
  const campaigns = [...overview.value.campaigns].sort((a, b) => b.opens.localeCompare(a.opens));
  const campaign = campaigns.find((c) => c.id === chosen) ?? campaigns[0];

  return (
    <section aria-labelledby="rapporter-tittel">
      {heading}
      {/* A leader's own requests first: what she has to do before what everyone has done. */}
      <MyReports api={api} plan={plan} userId={userId} onSaved={formSaved} />
      {isAdmin && !creating && (
        <div className={styles.bar}>
          <Button appearance="primary" onClick={() => setCreating(true)}>
            {t('campaignAdmin.new')}
          </Button>
        </div>
      )}
      {isAdmin && creating && (
        <NewCampaign
          api={api}
          existing={campaigns.map((c) => c.id)}
          onCancel={() => setCreating(false)}
          onSent={(id, reached, total, later) => {
            setCreating(false);
            sentFocus.arm();
            setChosen(id);
            setSentMessage(later ?? t('campaignAdmin.sent', { reached, total }));
            reload();
          }}
        />
      )}
      {sentMessage && (
        <MessageBar intent="success" role="status" ref={sentFocus.target} tabIndex={-1}>
          <MessageBarBody data-testid="campaign-sent">{sentMessage}</MessageBarBody>
        </MessageBar>
      )}
      {!campaign ? (
        <Text block>{t('reports.noCampaigns')}</Text>
      ) : (
        <>
          <div className={styles.bar}>
            <div className={styles.field}>
              <label htmlFor={campaignField}>{t('reports.campaign')}</label>
              <Select
                id={campaignField}
                value={campaign.id}
                onChange={(_, d) => {
                  setChosen(d.value);
                  setSentMessage(undefined);
                }}
              >
                {campaigns.map((c) => (
                  <option key={c.id} value={c.id}>
                    {campaignTitle(c, t)}
                  </option>
                ))}
              </Select>
            </div>
            <CsvDownload api={api} campaignId={campaign.id} />
            {/* The Word report is the kommunalsjef's, for half-year reports (the server checks too). */}
            {isAdmin && campaign.kind === 'halvår' && <WordDownload api={api} campaignId={campaign.id} />}
          </div>
          {isAdmin && (
            <CampaignProgressPanel
              api={api}
              campaignId={campaign.id}
              onChanged={() => {
                // «Sendt til …» is past once the request is reminded, moved or closed.
                setSentMessage(undefined);
                reload();
              }}
              saved={saves}
            />
          )}
          <CampaignSummary campaign={campaign} />
          <UnitsTable
            campaign={campaign}
            onOpen={(unit) => setOpen({ campaignId: campaign.id, unitId: unit.unitId, name: unit.name })}
          />
          {campaign.kind === 'halvår' && <SignsTable campaign={campaign} trend={overview.value.trend} />}
        </>
      )}
      {open && campaign && (
        <UnitReportDialog
          api={api}
          {...open}
          campaign={{ ...campaign, title: campaignTitle(campaign, t) }}
          onClose={() => setOpen(undefined)}
        />
      )}
    </section>
  );
}

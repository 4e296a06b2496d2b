import { localDate } from '../../domain/calendar/local-date.js';
import { BadRequestError, ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { halfYearSummary, type HalfYearSummary } from '../../domain/reports/half-year-summary.js';
import type { Access } from '../access.js';
import type { ReportDeps } from './report-deps.js';

/** Refusals in the caller's language. */
export interface HalfYearDocumentRefusals {
  readonly needAdmin: string;
  readonly unknownCampaign: string;
  readonly halfYearOnly: string;
}

/**
 * What the half-year document for `campaignId` says, for the kommunalsjef (admin) alone: the
 * campaign's reports, the previous half-year's of the same plan to compare with, and the units'
 * local plans, each read once for all units. Also today's local date, for the front page.
 */
export async function halfYearDocumentData(
  deps: Pick<ReportDeps, 'read' | 'campaigns' | 'reports' | 'localPlans'>,
  access: Access,
  campaignId: string,
  refuse: HalfYearDocumentRefusals,
): Promise<{ summary: HalfYearSummary; today: string }> {
  if (!access.roles.has('admin')) throw new ForbiddenError(refuse.needAdmin);
  const campaigns = await deps.campaigns.list();
  const campaign = campaigns.find((c) => c.id === campaignId);
  if (!campaign) throw new NotFoundError(refuse.unknownCampaign);
  if (campaign.kind !== 'halvår') throw new BadRequestError(refuse.halfYearOnly);
  const plan = (await deps.read.plans.load(campaign.planKey))?.plan;
  if (!plan) throw new NotFoundError(refuse.unknownCampaign);
  const previous = campaigns
    .filter((c) => c.kind === 'halvår' && c.planKey === campaign.planKey && c.opens < campaign.opens)
    .sort((a, b) => b.opens.localeCompare(a.opens))[0];
  const [reports, previousReports, localPlans] = await Promise.all([
    deps.reports.list(campaign.id),
    previous ? deps.reports.list(previous.id) : Promise.resolve([]),
    deps.localPlans.all(),
  ]);
  const today = localDate(deps.read.clock.now(), deps.read.timeZone);
  return {
    summary: halfYearSummary({ plan, campaign, previous, reports, previousReports, localPlans, today }),
    today,
  };
}

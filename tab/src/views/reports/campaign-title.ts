import type { CampaignOverview } from '../../api/view-types';
import type { Translate } from '../../i18n/i18n';

/** `2026-H2` → «høsten 2026» (the id stays the key; people read this). Other ids as they are. */
export function periodName(period: string, t: Translate): string {
  const match = /^(\d{4})-H([12])$/.exec(period);
  if (!match) return period;
  return t(match[2] === '1' ? 'reports.season.1' : 'reports.season.2', { year: match[1]! });
}

/** A campaign's name in the reader's language: «Halvårsrapport høsten 2026», or a request's own title. */
export function campaignTitle(
  campaign: Pick<CampaignOverview, 'id' | 'kind' | 'title'>,
  t: Translate,
): string {
  return campaign.kind === 'halvår'
    ? t('reports.halfYear', { period: periodName(campaign.id, t) })
    : campaign.title;
}

import type { Campaign } from '../../domain/reports/campaign.js';
import type { ReportTexts } from '../../i18n/reports.js';
import type { OpenRequest } from '../../use-cases/reports/my-requests.js';
import {
  actionSet,
  adaptiveCard,
  container,
  execute,
  heading,
  textBlock,
  type AdaptiveCard,
} from '../cards/elements.js';

/** The `rapport` list when several requests are open: one row per campaign and unit. */
export interface ReportChoiceCardData {
  title: string;
  intro: string;
  requests: {
    campaignTitle: string;
    unitName: string;
    /** «Frist tirsdag 15. desember 2026 · Ikke påbegynt». */
    details: string;
    button: string;
    campaignId: string;
    unitId: string;
  }[];
}

/** What a person reads as a campaign's name: «Halvårsrapport høsten 2026», or the request's own title. */
export function campaignTitle(text: ReportTexts, campaign: Campaign): string {
  return campaign.kind === 'halvår' ? text.halfYearTitle(campaign.id) : campaign.title;
}

/** `2026-12-15` → «tirsdag 15. desember 2026» (or «Tuesday 15 December 2026»). */
export function dateInWords(date: string, language: 'nb' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nb-NO', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

export function reportChoiceCardData(
  text: ReportTexts,
  language: 'nb' | 'en',
  requests: readonly OpenRequest[],
): ReportChoiceCardData {
  return {
    title: text.chooseTitle,
    intro: text.chooseIntro(requests.length),
    requests: requests.map((r) => ({
      campaignTitle: campaignTitle(text, r.campaign),
      unitName: r.unitName,
      details: `${text.chooseDeadline(dateInWords(r.campaign.deadline, language))} · ${text.chooseStatus[r.status] ?? ''}`,
      button: r.status === 'sendt' ? text.chooseView : text.chooseOpen,
      campaignId: r.campaign.id,
      unitId: r.unitId,
    })),
  };
}

export function reportChoiceCard(data: ReportChoiceCardData): AdaptiveCard {
  return adaptiveCard([
    heading(data.title),
    textBlock(data.intro, { wrap: true }),
    ...data.requests.map((r) =>
      container(
        [
          textBlock(r.campaignTitle, { weight: 'Bolder', wrap: true }),
          textBlock(r.unitName, { wrap: true, spacing: 'None' }),
          textBlock(r.details, { wrap: true, isSubtle: true, spacing: 'None' }),
          actionSet([execute(r.button, 'rapport-velg', { campaignId: r.campaignId, unitId: r.unitId })]),
        ],
        { separator: true, spacing: 'Medium' },
      ),
    ),
  ]);
}

import type { TurnContext } from 'botbuilder';
import { languageOf } from '../../i18n/index.js';
import { reportTexts } from '../../i18n/reports.js';
import { resolveAccess } from '../../use-cases/access.js';
import { myRequests, requestView } from '../../use-cases/reports/my-requests.js';
import { runReportAction, type ReportAction } from '../../use-cases/reports/report-actions.js';
import type { ReportDeps } from '../../use-cases/reports/report-deps.js';
import type { CardActionHandler, ChatCommand } from '../extensions.js';
import { principalOf } from '../principal.js';
import { reportChoiceCard, reportChoiceCardData } from './report-choice-card.js';

const adaptive = (content: Record<string, unknown>) => ({
  contentType: 'application/vnd.microsoft.card.adaptive',
  content,
});

const VERBS: Record<string, ReportAction> = {
  'rapport-lagre': 'lagre',
  'rapport-send': 'send',
  'rapport-endre': 'endre',
  'rapport-vis': 'vis',
  'rapport-avbryt': 'avbryt',
};

/**
 * `rapport-lagre`, `rapport-send`, `rapport-endre`: the answer replaces the card for the presser
 * (Universal Actions); refusals come back as a card with the reason in Norwegian.
 */
export function reportActions(deps: ReportDeps): CardActionHandler[] {
  return Object.entries(VERBS).map(([verb, action]) => ({
    verb,
    async handle(context: TurnContext, data: Record<string, unknown>) {
      const language = languageOf(context.activity.locale);
      const text = reportTexts(language);
      const render = deps.renderFor?.(language) ?? deps.render;
      const access = await resolveAccess(deps.access, principalOf(context));
      const result = await runReportAction(deps, access, action, data, text);
      return {
        card: result.kind === 'view' ? render.card(result.view) : render.notice(result.text),
      };
    },
  }));
}

/**
 * `rapport-velg`: a choice from `rapport`'s list; the list is replaced by that request's form for
 * that unit (or its summary), for the presser alone. `rapport` again brings the list back.
 */
export function reportChoiceAction(deps: ReportDeps): CardActionHandler {
  return {
    verb: 'rapport-velg',
    async handle(context: TurnContext, data: Record<string, unknown>) {
      const language = languageOf(context.activity.locale);
      const text = reportTexts(language);
      const render = deps.renderFor?.(language) ?? deps.render;
      const access = await resolveAccess(deps.access, principalOf(context));
      const view = await requestView(deps, access, String(data.campaignId ?? ''), String(data.unitId ?? ''));
      if (view === 'unknown') return { card: render.notice(text.unknownCampaign) };
      if (view === 'not-leader') return { card: render.notice(text.notLeader) };
      return { card: render.card(view) };
    },
  };
}

/**
 * `rapport` / `report`: every request open now for the units the writer leads. One open request:
 * its form (or summary) for each unit at once; several: a card listing each, to choose from.
 */
export function reportCommand(deps: ReportDeps): ChatCommand {
  const nb = reportTexts('nb');
  const en = reportTexts('en');
  return {
    words: { rapport: 'nb', report: 'en' },
    help: { nb: nb.commandHelp, en: en.commandHelp },
    async handle(context, _args, _text, language) {
      const chosen = language ?? languageOf(context.activity.locale);
      const text = reportTexts(chosen);
      const access = await resolveAccess(deps.access, principalOf(context));
      const mine = await myRequests(deps, access);
      if (mine.kind === 'none')
        return mine.reason === 'no-campaign' ? text.noOpenCampaign : text.leadsNothing;
      const cards =
        mine.kind === 'forms'
          ? mine.views.map((view) => (deps.renderFor?.(chosen) ?? deps.render).card(view))
          : [reportChoiceCard(reportChoiceCardData(text, chosen, mine.requests))];
      return { type: 'message', attachments: cards.map(adaptive) };
    },
  };
}

import type { TurnContext } from 'botbuilder';
import { languageOf } from '../../i18n/index.js';
import { reportTexts } from '../../i18n/reports.js';
import { resolveAccess } from '../../use-cases/access.js';
import { myReportViews, runReportAction, type ReportAction } from '../../use-cases/reports/report-actions.js';
import type { ReportDeps } from '../../use-cases/reports/report-deps.js';
import type { CardActionHandler, ChatCommand } from '../extensions.js';
import { principalOf } from '../planpuls-bot.js';

const VERBS: Record<string, ReportAction> = {
  'rapport-lagre': 'lagre',
  'rapport-send': 'send',
  'rapport-endre': 'endre',
  'rapport-vis': 'vis',
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

/** `rapport` / `report`: the report form (or summary) of each unit the writer leads, in the newest campaign. */
export function reportCommand(deps: ReportDeps): ChatCommand {
  const nb = reportTexts('nb');
  const en = reportTexts('en');
  return {
    words: { rapport: 'nb', report: 'en' },
    help: { nb: nb.commandHelp, en: en.commandHelp },
    async handle(context, _args, _text, language) {
      const spoken = language ?? languageOf(context.activity.locale);
      const text = reportTexts(spoken);
      const render = deps.renderFor?.(spoken) ?? deps.render;
      const access = await resolveAccess(deps.access, principalOf(context));
      const { views, reason } = await myReportViews(deps, access);
      if (reason === 'no-campaign') return text.noOpenCampaign;
      if (reason === 'leads-nothing') return text.leadsNothing;
      return {
        type: 'message',
        attachments: views.map((view) => ({
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: render.card(view),
        })),
      };
    },
  };
}

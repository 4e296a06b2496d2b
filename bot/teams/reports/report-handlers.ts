import type { TurnContext } from 'botbuilder';
import { languageOf } from '../../i18n/index.js';
import { reportTexts } from '../../i18n/reports.js';
import { resolveAccess } from '../../use-cases/access.js';
import { runReportAction, type ReportAction } from '../../use-cases/reports/report-actions.js';
import type { ReportDeps } from '../../use-cases/reports/report-deps.js';
import type { CardActionHandler } from '../extensions.js';
import { principalOf } from '../planpuls-bot.js';

const VERBS: Record<string, ReportAction> = {
  'rapport-lagre': 'lagre',
  'rapport-send': 'send',
  'rapport-endre': 'endre',
};

/**
 * `rapport-lagre`, `rapport-send`, `rapport-endre`: the answer replaces the card for the presser
 * (Universal Actions); refusals come back as a card with the reason in Norwegian.
 */
export function reportActions(deps: ReportDeps): CardActionHandler[] {
  return Object.entries(VERBS).map(([verb, action]) => ({
    verb,
    async handle(context: TurnContext, data: Record<string, unknown>) {
      const text = reportTexts(languageOf(context.activity.locale));
      const access = await resolveAccess(deps.access, principalOf(context));
      const result = await runReportAction(deps, access, action, data, text);
      return {
        card: result.kind === 'view' ? deps.render.card(result.view) : deps.render.notice(result.text),
      };
    },
  }));
}

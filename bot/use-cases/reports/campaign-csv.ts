import { localDateTime } from '../../domain/calendar/local-date.js';
import { EXCEL_SEPARATOR, toCsv } from '../../domain/reports/csv.js';
import type { CampaignCsvTexts, ReportTexts } from '../../i18n/reports.js';
import type { CampaignOverview, UnitStatus } from './overview.js';

/** A unit's report state in words: submitted, a draft, not started, or not asked at all. */
export function unitStatusWord(unit: Pick<UnitStatus, 'status' | 'asked'>, text: CampaignCsvTexts): string {
  if (unit.status !== 'mangler') return text.status[unit.status];
  return text.status[unit.asked ? 'mangler' : 'ikke-spurt'];
}

/**
 * One campaign as a CSV for the kommunalsjef's Excel: semicolon-separated with a BOM and CRLF,
 * one row per unit by name with its state in words and its times on the municipality's clock
 * (`2026-12-09 14:30`), then the half-year's sign counts or the request's answers. Ids come last,
 * for whoever joins the rows by machine.
 */
export function campaignCsv(
  campaign: CampaignOverview,
  text: Pick<ReportTexts, 'campaignCsv' | 'unitTypes'>,
  timeZone: string,
): string {
  const t = text.campaignCsv;
  const when = (iso: string | null) => (iso ? localDateTime(new Date(iso), timeZone) : '');
  const rows: (string | number)[][] = [t.units];
  for (const u of campaign.units)
    rows.push([
      u.name,
      text.unitTypes[u.type] ?? u.type,
      unitStatusWord(u, t),
      u.late ? t.yes : t.no,
      u.version || '',
      when(u.savedAt),
      u.savedByName ?? '',
      when(u.submittedAt),
      u.unitId,
    ]);
  if (campaign.kind === 'halvår') {
    rows.push([], t.signs);
    for (const s of campaign.signs) rows.push([s.text, s.picture, s.ja, s.delvis, s.nei, s.signId]);
  } else {
    const names = new Map(campaign.units.map((u) => [u.unitId, u.name]));
    rows.push([], t.answers);
    for (const a of campaign.answers)
      rows.push([names.get(a.unitId) ?? a.unitId, a.question, a.answer, a.unitId]);
  }
  return toCsv(rows, EXCEL_SEPARATOR);
}

import type { UnitStatusRow } from '../../api/view-types';
import { dateFormats } from '../../dates/format';
import { todayInOslo } from '../../dates/today';
import type { Language, MessageKey, Translate } from '../../i18n/i18n';
import { periodName } from '../reports/campaign-title';

/** A signed change, «+1», «−2», «±0». */
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

/**
 * What a row of the status overview says, in words, the same for the table and the phone's
 * list. Dates are in words with their weekday («tirsdag 1. desember 2026»), in Oslo.
 */
export function statusWords(
  row: UnitStatusRow,
  t: Translate,
  language: Language,
  /** The current campaign's id: signs from an earlier period say which. */
  currentCampaignId: string | undefined,
) {
  const dates = dateFormats(language);
  // A local date stays as it is; an instant is first placed in Oslo.
  const day = (date: string) => dates.long(date.length > 10 ? todayInOslo(new Date(date)) : date);
  const c = row.campaign;
  // Asked with nothing saved is «ikke påbegynt», as «Mine» says it to the unit's leader; «Ikke
  // spurt» is kept for a unit no request has reached (the server's `isAsked`).
  const campaign = !c
    ? t('status.noCampaign')
    : c.state === 'submitted'
      ? t(c.submittedLate ? 'status.state.submittedLate' : 'status.state.submitted', { date: day(c.date!) })
      : c.state === 'not-asked'
        ? t('status.state.not-asked')
        : c.state === 'draft'
          ? t('status.state.draft', { date: day(c.date!) })
          : `${t(`status.state.${c.state}`, { date: day(c.date!) })}; ${
              c.draftSavedAt
                ? t('status.state.lateDraft', { date: day(c.draftSavedAt) })
                : t('csv.notStarted')
            }`;
  const a = row.actions;
  const total = a['ikke-startet'] + a.pågår + a.fullført;
  const s = row.signs;
  const r = row.reach;
  return {
    type: t(`type.${row.type}` as MessageKey),
    leaders: row.leaders.length > 0 ? row.leaders.join(', ') : t('status.noLeader'),
    localPlan: row.localPlan
      ? t('status.planSaved', {
          date: day(row.localPlan.savedAt),
          name: row.localPlan.savedBy,
          version: row.localPlan.version,
        })
      : t('status.planNever'),
    actions:
      total === 0
        ? t('status.noActions')
        : t('status.actions', { notStarted: a['ikke-startet'], inProgress: a.pågår, done: a.fullført }),
    overdue: a.overdue > 0 ? t('status.overdue', { count: a.overdue }) : null,
    campaign,
    signs: s
      ? t('status.signs', { ja: s.counts.ja, delvis: s.counts.delvis, nei: s.counts.nei })
      : t('status.noSigns'),
    signsDetail: s
      ? [
          s.campaignId !== currentCampaignId
            ? t('status.signsFrom', { period: periodName(s.campaignId, t) })
            : '',
          s.counts.unanswered > 0 ? t('status.signsUnanswered', { count: s.counts.unanswered }) : '',
          s.change && s.previousCampaignId
            ? t('status.signsChange', {
                period: periodName(s.previousCampaignId, t),
                ja: signed(s.change.ja),
                delvis: signed(s.change.delvis),
                nei: signed(s.change.nei),
              })
            : '',
        ]
          .filter(Boolean)
          .join(' · ')
      : '',
    reach: r.reachable
      ? t(r.by === 'chat' ? 'status.reach.chat' : 'status.reach.channel')
      : t(`status.unreach.${r.reason}` as MessageKey, { names: r.leaders.join(', ') }),
    reachable: r.reachable,
  };
}

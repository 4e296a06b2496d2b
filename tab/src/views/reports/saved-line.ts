import type { Report } from '../../api/view-types';
import { PLAN_TIME_ZONE } from '../../dates/today';
import type { Language, Translate } from '../../i18n/i18n';

/** «tirsdag 1. desember 2020 kl. 10:15», «Tuesday 1 December 2020 at 10:15»: as the server says it. */
export function dateTimeInWords(iso: string, language: Language): string {
  const said = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nb-NO', {
    timeZone: PLAN_TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
  return language === 'en' ? said.replace(/^(\p{L}+), /u, '$1 ') : said;
}

/**
 * Who saved a report when: a draft's version, a submitted one's time, and for one changed after
 * it was first submitted, when and by whom («Sendt inn …, endret … av …»).
 */
export function savedLine(
  report: Pick<Report, 'status' | 'version' | 'savedAt' | 'savedByName' | 'savedBy' | 'submittedAt'>,
  t: Translate,
  language: Language,
): string {
  const by = report.savedByName || report.savedBy;
  const at = dateTimeInWords(report.savedAt, language);
  if (report.status === 'utkast') return t('reportForm.savedDraft', { version: report.version, at, by });
  if (report.submittedAt && report.submittedAt !== report.savedAt)
    return t('reportForm.savedEdited', { submitted: dateTimeInWords(report.submittedAt, language), at, by });
  return t('reportForm.savedSubmitted', { at, by });
}
